#include "render/shader_library.hpp"

#include "core/error.hpp"
#include "render/gl.hpp"

#include <fstream>
#include <sstream>

namespace dorsum::render {

namespace fs = std::filesystem;

namespace {
GLuint compile(GLenum type, const ShaderSource& src, std::string& log) {
  const GLuint s = glCreateShader(type);
  const char* text = src.text.c_str();
  glShaderSource(s, 1, &text, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint len = 0;
    glGetShaderiv(s, GL_INFO_LOG_LENGTH, &len);
    std::string info(std::size_t(std::max(len, 1)), '\0');
    glGetShaderInfoLog(s, len, nullptr, info.data());
    log += src.name + ": " + info.c_str();
    glDeleteShader(s);
    return 0;
  }
  return s;
}
}  // namespace

Program buildProgram(const ShaderSource& vertex, const ShaderSource& fragment, std::string& log) {
  log.clear();
  const GLuint vs = compile(GL_VERTEX_SHADER, vertex, log);
  const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment, log);
  if (!vs || !fs) {
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    return Program{NoCreate};
  }
  Program p;
  glAttachShader(p.id(), vs);
  glAttachShader(p.id(), fs);
  glLinkProgram(p.id());
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(p.id(), GL_LINK_STATUS, &ok);
  if (!ok) {
    GLint len = 0;
    glGetProgramiv(p.id(), GL_INFO_LOG_LENGTH, &len);
    std::string info(std::size_t(std::max(len, 1)), '\0');
    glGetProgramInfoLog(p.id(), len, nullptr, info.data());
    log += "link " + vertex.name + " + " + fragment.name + ": " + info.c_str();
    return Program{NoCreate};
  }
  return p;
}

ShaderLibrary::ShaderLibrary(std::optional<fs::path> devDirectory) : dir_(std::move(devDirectory)) {
  if (dir_ && !fs::is_directory(*dir_))
    throw core::UserError("The shader folder '" + dir_->string() + "' does not exist.");
}

ShaderSource ShaderLibrary::source(const std::string& name) const {
  if (dir_) {
    std::ifstream in(*dir_ / name);
    if (!in) throw core::UserError("The shader file '" + (*dir_ / name).string() + "' cannot be read.");
    std::stringstream ss;
    ss << in.rdbuf();
    return {name, ss.str()};
  }
  const auto& files = embeddedShaders();
  const auto it = files.find(name);
  if (it == files.end()) throw core::UserError("No shader named '" + name + "' is built into Dorsum.");
  return {name, it->second};
}

fs::file_time_type ShaderLibrary::stampOf(const Entry& e) const {
  if (!dir_) return {};
  std::error_code ec;
  auto a = fs::last_write_time(*dir_ / e.vertex, ec);
  auto b = fs::last_write_time(*dir_ / e.fragment, ec);
  return std::max(a, b);
}

void ShaderLibrary::rebuild(Entry& e) {
  e.stamp = stampOf(e);
  std::string log;
  try {
    auto withDefines = [&](ShaderSource src) {
      const auto eol = src.text.find('\n');  // after the #version line, which must come first
      if (!e.defines.empty() && eol != std::string::npos) src.text.insert(eol + 1, e.defines + "#line 2\n");
      return src;
    };
    Program p = buildProgram(withDefines(source(e.vertex)), withDefines(source(e.fragment)), log);
    if (p) {
      e.program = std::move(p);
      e.log.clear();
      return;
    }
  } catch (const core::UserError& err) {
    log = err.what();
  }
  e.log = log;  // the previous program (if any) stays in use
}

std::size_t ShaderLibrary::add(const std::string& vertex, const std::string& fragment, const std::string& defines) {
  for (std::size_t i = 0; i < entries_.size(); ++i)
    if (entries_[i].vertex == vertex && entries_[i].fragment == fragment && entries_[i].defines == defines) return i;
  Entry e;
  e.vertex = vertex;
  e.fragment = fragment;
  e.defines = defines;
  rebuild(e);
  if (!e.program)
    throw core::UserError("The shaders " + vertex + " and " + fragment + " do not compile: " + e.log);
  entries_.push_back(std::move(e));
  return entries_.size() - 1;
}

bool ShaderLibrary::reloadChanged() {
  if (!dir_) return false;
  bool replaced = false;
  for (auto& e : entries_) {
    if (stampOf(e) == e.stamp) continue;
    rebuild(e);
    replaced = true;  // a new program or a new error to show: either way, redraw
  }
  return replaced;
}

std::string ShaderLibrary::errors() const {
  std::string all;
  for (const auto& e : entries_)
    if (!e.log.empty()) all += e.log + "\n";
  return all;
}

}  // namespace dorsum::render
