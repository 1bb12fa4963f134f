#pragma once
// Motion as a pure function of time. A Track holds timed keys and says what its value is at any
// time t (before the first key: the first value; after the last: the last). A Player owns a clock:
// it advances by the time the caller passes in, at a speed, paused or playing, looping or not.
// Fades and camera transitions are tracks on the window's clock; massage strokes and lessons will
// be tracks too, so a frame, a video export and a test all ask the same at(t).
#include "core/camera.hpp"

#include <glm/glm.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace dorsum::core {

enum class Ease { Linear, Smooth };  // Smooth: zero speed at each key (smoothstep)

inline float ease(Ease e, float s) {
  s = std::clamp(s, 0.0f, 1.0f);
  return e == Ease::Smooth ? s * s * (3.0f - 2.0f * s) : s;
}

inline float interpolate(float a, float b, float s) { return a + (b - a) * s; }
inline glm::vec3 interpolate(const glm::vec3& a, const glm::vec3& b, float s) { return glm::mix(a, b, s); }
inline Orbit interpolate(const Orbit& a, const Orbit& b, float s) { return mixOrbit(a, b, s); }

template <typename T>
class Track {
public:
  struct Key {
    double time;
    T value;
  };

  Track() = default;
  // Keys in increasing time.
  explicit Track(std::vector<Key> keys, Ease e = Ease::Smooth) : keys_(std::move(keys)), ease_(e) {}
  static Track between(double t0, const T& from, double t1, const T& to, Ease e = Ease::Smooth) {
    return Track({{t0, from}, {std::max(t1, t0), to}}, e);
  }
  // A track that holds one value for ever.
  static Track constant(const T& value) { return Track({{0.0, value}}); }

  bool empty() const { return keys_.empty(); }
  double start() const { return keys_.empty() ? 0.0 : keys_.front().time; }
  double end() const { return keys_.empty() ? 0.0 : keys_.back().time; }
  bool finished(double t) const { return keys_.empty() || t >= end(); }
  const std::vector<Key>& keys() const { return keys_; }

  T at(double t) const {
    if (keys_.empty()) return T{};
    if (t <= keys_.front().time) return keys_.front().value;
    if (t >= keys_.back().time) return keys_.back().value;
    const auto next = std::upper_bound(keys_.begin(), keys_.end(), t, [](double v, const Key& k) { return v < k.time; });
    const Key& b = *next;
    const Key& a = *(next - 1);
    const double span = b.time - a.time;
    const float s = span > 0.0 ? float((t - a.time) / span) : 1.0f;
    return interpolate(a.value, b.value, ease(ease_, s));
  }

private:
  std::vector<Key> keys_;
  Ease ease_ = Ease::Smooth;
};

class Player {
public:
  // Advances the clock by dt seconds of wall time (times the speed, when playing); a looping
  // player wraps into [0, length).
  void advance(double dt) {
    if (!playing_ || !(dt > 0.0)) return;
    time_ += dt * speed_;
    if (loopLength_ > 0.0) {
      time_ = std::fmod(time_, loopLength_);
      if (time_ < 0.0) time_ += loopLength_;
    }
  }
  double time() const { return time_; }
  void seek(double t) { time_ = t; }
  void play() { playing_ = true; }
  void pause() { playing_ = false; }
  bool playing() const { return playing_; }
  void setSpeed(double speed) { speed_ = std::clamp(speed, 0.0, 16.0); }
  double speed() const { return speed_; }
  void setLoop(double length) { loopLength_ = std::max(0.0, length); }  // 0: no looping
  double loopLength() const { return loopLength_; }

private:
  double time_ = 0.0, speed_ = 1.0, loopLength_ = 0.0;
  bool playing_ = true;
};

}  // namespace dorsum::core
