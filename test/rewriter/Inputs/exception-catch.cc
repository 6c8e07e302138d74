// The C++ side of exception-through-frame.c: calls the C function with a
// callback that throws, 100,000 times, catching each exception.
#include <cstddef>
#include <cstdio>
#include <stdexcept>

extern "C" size_t count_a(const char *s, void (*cb)(const char *));
extern "C" size_t esc_frame_bytes_in_use(void) __attribute__((weak));
extern "C" int cleanups;

static void thrower(const char *) { throw std::runtime_error("stop"); }
static void quiet(const char *) {}

int main() {
  static char text[4096];
  for (int i = 0; i < 4095; i++) text[i] = i % 3 ? 'a' : 'b';
  long caught = 0, counted = 0;
  for (int i = 0; i < 100000; i++) {
    try {
      counted += (long)count_a(text, i % 10 ? thrower : quiet);
    } catch (const std::exception &) {
      caught++;
    }
  }
  // Without the runtime (plain code) there is no arena to measure.
  size_t in_use = esc_frame_bytes_in_use ? esc_frame_bytes_in_use() : 0;
  std::printf("caught %ld counted %ld cleanups %d arena under 4 KiB: %s\n", caught, counted,
              cleanups, in_use <= 4096 ? "yes" : "no");
}
