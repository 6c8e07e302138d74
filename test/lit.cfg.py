# lit configuration for escape's plugin, analysis, rewriter and lint suites.
import os
import lit.formats
import lit.util

# ctest runs lit on the source tree, so lit finds this file first: load the
# site config CMake generated (it sets the paths and loads this file again).
if not hasattr(config, "escape_test_obj"):
    lit_config.load_config(config, lit_config.params["escape_site_config"])
    raise SystemExit

config.name = "escape"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.escape_test_obj, "lit")

plugin = os.path.join(config.escape_obj_root, "lib", "escape-plugin.so")
bindir = os.path.join(config.escape_obj_root, "bin")
libdir = os.path.join(config.escape_obj_root, "lib")

# Programs the tests run poison released frame-arena memory, so that a use
# after the frame is left shows in their output.
config.environment["ESCAPE_RT_ARENA_POISON"] = "1"
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, bindir, config.environment.get("PATH", os.environ.get("PATH", ""))])

# %clang: the Clang 19 driver.  %escape: clang with the plugin loaded.
config.substitutions.append(("%clang", config.escape_clang))
config.substitutions.append(("%plugin", plugin))
# %escape_cc first: lit substitutes in order, and %escape is its prefix.
config.substitutions.append(("%escape_cxx", os.path.join(bindir, "escape-c++")))
config.substitutions.append(("%escape_cc", os.path.join(bindir, "escape-cc")))
config.substitutions.append(("%escape",
    "%s -fplugin=%s -Wno-unused-command-line-argument" % (config.escape_clang, plugin)))
config.substitutions.append(("%libdir", libdir))
config.substitutions.append(("%bindir", bindir))
config.substitutions.append(("%src_root", config.escape_src_root))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%opt_viewer",
    os.path.join(os.path.dirname(config.llvm_tools_dir), "share", "opt-viewer", "opt-viewer.py")))

# %crt_dir: where clang finds the C start files (Scrt1.o, crti.o, crtn.o),
# for links that name them (-nostdlib, -nostartfiles).
import subprocess
try:
    _crt = subprocess.run([config.escape_clang, "-print-file-name=Scrt1.o"],
                          capture_output=True, text=True, check=True).stdout.strip()
except (OSError, subprocess.CalledProcessError):
    _crt = "Scrt1.o"
config.substitutions.append(("%crt_dir", os.path.dirname(_crt) or "."))

if os.path.exists(os.path.join(bindir, "escape-cc")):
    config.available_features.add("escape-cc")
if os.path.exists(os.path.join(libdir, "libescape-rt.a")):
    config.available_features.add("runtime")
# OpenMP programs link with LLVM's libomp (Debian: libomp-19-dev).
if os.path.exists(os.path.join(os.path.dirname(config.llvm_tools_dir), "lib", "libomp.so")):
    config.available_features.add("openmp")
