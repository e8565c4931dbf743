#include "layers/output/signal_cleanup.hpp"

#include "layers/output/temporaries.hpp"

#include <thread>

#include <pthread.h>
#include <signal.h>

namespace depmap::layers {

void remove_temporaries_on_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction current {};
        if (sigaction(sig, nullptr, &current) == 0 && current.sa_handler != SIG_IGN) sigaddset(&signals, sig);
    }
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread([signals] {
        int sig = 0;
        while (sigwait(&signals, &sig) != 0) {}
        remove_registered_temporaries();
        signal(sig, SIG_DFL);
        sigset_t just_this;
        sigemptyset(&just_this);
        sigaddset(&just_this, sig);
        pthread_sigmask(SIG_UNBLOCK, &just_this, nullptr);
        raise(sig);
    }).detach();
}

} // namespace depmap::layers
