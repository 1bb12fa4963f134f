#pragma once
// Keys as the panels and shortcuts see them: the app translates its window library's key codes
// into these, so ui knows no window library.
#include <cstdint>

namespace dorsum::ui {

enum class Key : std::uint8_t {
  None,
  A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
  Num0, Num1, Num2, Num3, Num4, Num5, Num6, Num7, Num8, Num9,
  LeftBracket, RightBracket, Equal, Minus, KeypadAdd, KeypadSubtract,
  Escape, Space, Tab, Enter, Backspace, Delete, Home, End, PageUp, PageDown, Left, Right, Up, Down, F1, F11,
};

inline Key letter(char c) { return Key(std::uint8_t(Key::A) + std::uint8_t(c - 'A')); }
inline Key digit(int d) { return Key(std::uint8_t(Key::Num0) + std::uint8_t(d)); }
inline int digitOf(Key k) {
  return k >= Key::Num0 && k <= Key::Num9 ? int(std::uint8_t(k) - std::uint8_t(Key::Num0)) : -1;
}

// A key press since the last frame. The app queues them from the window's key events, because
// ImGui 1.86 only sees the keys' state once a frame, and a press and release that arrive together
// (a quick tap on a slow frame, or scripted input) would be lost. `missed` marks a press whose
// release came before the frame: ImGui never saw that key down.
struct KeyPress {
  Key key = Key::None;
  bool ctrl = false;  // Control or Super (Cmd)
  bool shift = false;
  bool missed = false;
};

}  // namespace dorsum::ui
