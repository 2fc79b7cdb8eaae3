# Thin wrapper over CMake (as cmark's Makefile is). Every target installs what is missing first.
BUILD ?= build
JOBS  ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build test e2e e2e-update demo bench asan ubsan fuzz format install clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

e2e: build
	tests/e2e/run_e2e $(BUILD)/kb .

e2e-update: build
	tests/e2e/run_e2e --update $(BUILD)/kb .

demo: build
	$(BUILD)/kb --kb records query --org IESALC --format md
	$(BUILD)/kb --kb records show "Borhene Chakroun"

asan:
	$(MAKE) test BUILD=build-asan CMAKE_FLAGS="-DKB_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=Debug"

ubsan:
	$(MAKE) test BUILD=build-ubsan CMAKE_FLAGS="-DKB_SANITIZE=undefined -DCMAKE_BUILD_TYPE=Debug"

# Opt-in, not part of `make test`: libFuzzer targets built with clang-14 (ASan+UBSan), each run
# for FUZZ_SECONDS from the seed corpus in tests/fuzz/corpus/<target>.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz:
	@tests/fuzz/ensure-clang.sh
	@cmake -S . -B $(FUZZ_BUILD) -DKB_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target kb_fuzz
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: build
	@scripts/install-deps.sh ripgrep
	@cmake --build $(BUILD) --target kb_gen_corpus kb_parse_floor -j $(JOBS)
	bench/run.sh $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

# PREFIX (default /usr/local) and DESTDIR (a staging root) as in every GNU package:
# `make install DESTDIR=$PWD/stage` puts the binary in stage/usr/local/bin.
install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix $(or $(PREFIX),/usr/local)

clean:
	rm -rf build build-asan build-ubsan
