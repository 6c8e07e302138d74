# Convenience front end over CMake.  `make demo` sets up a fresh Debian 12
# machine, builds everything and runs the demo; `make check` runs all tests.
BUILD ?= build
JOBS  ?= 2

.PHONY: all deps configure build demo check soak bench clean

all: build

deps:
	@.ci/deps

configure: deps
	@test -f $(BUILD)/build.ninja || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: configure
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	@docs/demo/run.sh $(BUILD)

check: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

soak: build
	ctest --test-dir $(BUILD) --output-on-failure -C soak -L soak

bench: deps
	cmake -S . -B $(BUILD) -G Ninja -DESCAPE_BUILD_BENCHMARKS=ON
	cmake --build $(BUILD) -j$(JOBS)

clean:
	rm -rf $(BUILD)
