// Where a staged output goes: through links, into devices and FIFOs as streams, never
// over a file that appeared meanwhile, one writer at a time; and the sweep of what
// killed writers left behind.
#include "base/error.hpp"
#include "layers/output/destination_lock.hpp"
#include "layers/output/staged_output.hpp"
#include "layers/output/temporaries.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace depmap;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

using test::listing;
using test::slurp;

void stage_text(const fs::path& destination, bool overwrite, const std::string& text) {
    layers::StagedOutput stage(destination, overwrite);
    std::ofstream(stage.staged(), std::ios::binary) << text;
    stage.commit();
}

// No process has this id: Linux's pids stay under 2^22.
constexpr long dead_pid = 4194304;

} // namespace

TEST_CASE("staged output: a link is written through and stays a link", "[layers][staged]") {
    test::ScratchDir dir;
    const auto target = dir.write("target.csv", "old\n");
    fs::create_symlink("target.csv", dir.file("link.csv"));
    CHECK_THROWS_WITH(stage_text(dir.file("link.csv"), false, "new\n"), Contains("pass `overwrite` to replace it"));
    stage_text(dir.file("link.csv"), true, "new\n");
    CHECK(fs::is_symlink(dir.file("link.csv")));
    CHECK(slurp(target) == "new\n");
    // A dangling link makes the file it names, as a shell's `>` does.
    fs::create_symlink("made.csv", dir.file("dangling.csv"));
    stage_text(dir.file("dangling.csv"), false, "made\n");
    CHECK(fs::is_symlink(dir.file("dangling.csv")));
    CHECK(slurp(dir.file("made.csv")) == "made\n");
    CHECK(listing(dir.file("")) == std::vector<std::string>{"dangling.csv", "link.csv", "made.csv", "target.csv"});
}

TEST_CASE("staged output: a character device is written into and needs no -O", "[layers][staged]") {
    test::ScratchDir dir;
    const auto null = dir.file("null");
    REQUIRE(mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);  // as /dev/null
    stage_text(null, false, "gone\n");
    stage_text(null, true, "gone\n");
    struct stat st {};
    REQUIRE(stat(null.c_str(), &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    CHECK(listing(dir.file("")) == std::vector<std::string>{"null"});
}

TEST_CASE("staged output: a FIFO gets the bytes and stays a FIFO", "[layers][staged]") {
    test::ScratchDir dir;
    const auto fifo = dir.file("fifo");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    std::string got;
    std::thread reader([&] { got = slurp(fifo); });
    stage_text(fifo, false, "through the pipe\n");
    reader.join();
    CHECK(got == "through the pipe\n");
    CHECK(fs::is_fifo(fifo));
}

TEST_CASE("staged output: several files refuse a stream and a link loop is a one-line error", "[layers][staged]") {
    test::ScratchDir dir;
    const auto null = dir.file("null");
    REQUIRE(mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);
    {
        layers::StagedOutput stage(null, false, {".dbf"}, ".shp");
        std::ofstream(stage.staged()) << "shp";
        std::ofstream(fs::path(stage.staged()).replace_extension(".dbf")) << "dbf";
        CHECK_THROWS_WITH(stage.commit(), Contains("several files (a .dbf too)"));
    }
    fs::create_symlink("loop", dir.file("loop"));
    CHECK_THROWS_AS(layers::refuse_existing(dir.file("loop"), false), OutputError);
    CHECK_THROWS_WITH(layers::refuse_existing(dir.file(std::string(300, 'a') + ".csv"), false),
                      Contains("cannot check it"));
    CHECK_THROWS_WITH(layers::refuse_existing(dir.file(""), true), Contains("is a folder"));
}

TEST_CASE("staged output: a file that appears while the output is written is not replaced", "[layers][staged]") {
    test::ScratchDir dir;
    const auto path = dir.file("out.csv");
    {
        layers::StagedOutput stage(path, false, {".qml"});
        std::ofstream(stage.staged()) << "ours\n";
        std::ofstream(fs::path(stage.staged()).replace_extension(".qml")) << "style";
        std::ofstream(path) << "theirs\n";  // after the check, before the rename
        CHECK_THROWS_WITH(stage.commit(), Contains("appeared while it was written") && Contains("pass `overwrite`"));
    }
    CHECK(slurp(path) == "theirs\n");
    CHECK(listing(dir.file("")) == std::vector<std::string>{"out.csv"});  // our .qml taken back
}

TEST_CASE("staged output: the destination is locked while it is written", "[layers][staged]") {
    test::ScratchDir dir;
    const auto path = dir.file("out.gpkg");
    const auto lock = layers::lock_path(path);
    std::optional<layers::StagedOutput> first(std::in_place, path, false);
    REQUIRE(fs::exists(lock));
    CHECK_FALSE(layers::remove_unheld_lock(lock));  // held
    // A second writer waits for the first to be done, then goes on.
    std::atomic<bool> second_done = false;
    std::thread second([&] {
        stage_text(path, true, "second\n");
        second_done = true;
    });
    std::ofstream(first->staged()) << "first\n";
    first->commit();
    CHECK(slurp(path) == "first\n");
    CHECK_FALSE(second_done);
    first.reset();
    second.join();
    CHECK(slurp(path) == "second\n");
    CHECK_FALSE(fs::exists(lock));
}

TEST_CASE("staged output: the next write sweeps temporaries of ended processes and keeps live ones", "[layers][staged]") {
    test::ScratchDir dir;
    const auto dead = fs::path(dir.file(fmt::format(".out.csv.{}.0123abcd.tmp", dead_pid)));
    const auto live = fs::path(dir.file(fmt::format(".out.csv.{}.89abcdef.tmp", getpid())));
    const auto foreign = fs::path(dir.file(".out.csv.tmp"));
    for (const auto& folder : {dead, live, foreign}) {
        fs::create_directory(folder);
        std::ofstream(folder / "out.csv") << "partial";
    }
    std::ofstream(dir.file(".gone.csv.depmap-lock")) << "";  // a killed writer's lock
    stage_text(dir.file("new.csv"), false, "new\n");
    CHECK_FALSE(fs::exists(dead));
    CHECK(fs::exists(live / "out.csv"));
    CHECK(fs::exists(foreign));
    CHECK_FALSE(fs::exists(dir.file(".gone.csv.depmap-lock")));
}

TEST_CASE("staged output: temporaries are named for their output and process", "[layers][staged]") {
    const auto path = layers::temporary_path("some/out.csv");
    CHECK(path.parent_path() == "some");
    CHECK(layers::temporary_owner(path.filename().string()) == getpid());
    CHECK(layers::temporary_owner(".a.b.123.0123abcd.tmp") == 123);
    CHECK(layers::temporary_owner(".a.123.0123abcd.tmp") == 123);
    CHECK(layers::temporary_owner(".a.0123abcd.tmp") == 0);      // no pid
    CHECK(layers::temporary_owner(".a.12x.0123abcd.tmp") == 0);
    CHECK(layers::temporary_owner("a.123.0123abcd.tmp") == 0);   // not hidden
    CHECK(layers::temporary_owner(".a.123.0123ABCD.tmp") == 0);
    CHECK(layers::temporary_owner(".123.0123abcd.tmp") == 0);    // no name
}
