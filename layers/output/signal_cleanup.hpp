#pragma once
// SIGINT, SIGTERM and SIGHUP end a depmap process without leaving its temporary files.
namespace depmap::layers {

// Blocks the three signals in the calling thread (so in every thread it starts after:
// call it first thing in main) and starts one thread that waits for them, removes the
// registered temporaries, then ends the process with the signal's own default action, so
// the exit status still says which signal it was. No handler runs in a signal's context,
// so nothing unsafe there. A signal ignored at start (`nohup`, a shell's background job)
// stays ignored.
void remove_temporaries_on_signals();

} // namespace depmap::layers
