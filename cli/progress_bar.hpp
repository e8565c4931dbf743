#pragma once
// The progress bar on stderr: installed for a command's run, it draws the steps the library
// reports (base/progress.hpp) with their rate and the time left, on one line it clears
// when the step ends. Never on stdout.
namespace depmap::cli {

enum class ProgressMode {
    Automatic,  // when stderr is a terminal, for a step that has run about a second
    Always,     // --progress: every step, from its start, wherever stderr goes
    Never,      // --no-progress, or -q
};

class ProgressBar {
public:
    // Installs the callback unless `mode` is Never (or Automatic and stderr no terminal).
    // DEPMAP_PROGRESS_DELAY_MS overrides Automatic's second (tests set 0).
    explicit ProgressBar(ProgressMode mode);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
};

} // namespace depmap::cli
