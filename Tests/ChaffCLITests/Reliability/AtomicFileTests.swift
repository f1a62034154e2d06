import Foundation
import Testing

@testable import ChaffRunner

#if canImport(Glibc)
    import Glibc
#endif

/// `AtomicFile` writes `--output` now and will rewrite source files for `--fix`: it must keep
/// what it replaces (permissions, symlinks, devices) and leave nothing behind when it fails.
@Suite struct AtomicFileTests {
    func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode
    }

    /// The process umask, read without changing it (umask(2) would race other threads).
    func currentUmask() throws -> mode_t {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
        return try #require(mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8))
    }

    @Test func newFileGetsTheUmaskModeAndNoTemporaryStays() throws {
        let scratch = Scratch()
        try AtomicFile.write(Array("new\n".utf8), to: scratch.path("new.txt"))
        #expect(scratch.read("new.txt") == "new\n")
        #expect(mode(scratch.path("new.txt")) & 0o7777 == 0o666 & ~(try currentUmask()))
        #expect(InterruptionTests.names(in: scratch.root) == ["new.txt"])
    }

    @Test func existingPermissionsAreKept() throws {
        let scratch = Scratch()
        scratch.write("a.txt", "old\n")
        chmod(scratch.path("a.txt"), 0o751)
        try AtomicFile.write(Array("replaced\n".utf8), to: scratch.path("a.txt"))
        #expect(scratch.read("a.txt") == "replaced\n")
        #expect(mode(scratch.path("a.txt")) & 0o7777 == 0o751)
        #expect(InterruptionTests.names(in: scratch.root) == ["a.txt"])
    }

    @Test func aSymlinkIsWrittenThroughAndStaysALink() throws {
        let scratch = Scratch()
        scratch.write("real/target.txt", "old\n")
        symlink("real/target.txt", scratch.path("link.txt"))
        try AtomicFile.write(Array("through\n".utf8), to: scratch.path("link.txt"))
        var info = stat()
        lstat(scratch.path("link.txt"), &info)
        #expect(info.st_mode & S_IFMT == S_IFLNK)
        #expect(scratch.read("real/target.txt") == "through\n")
        #expect(InterruptionTests.names(in: scratch.path("real")) == ["target.txt"])
    }

    @Test func aDeviceIsWrittenToNotReplaced() throws {
        // As root, a rename over /dev/null would replace the device with a plain file.
        try AtomicFile.write(Array("discarded\n".utf8), to: "/dev/null")
        #expect(mode("/dev/null") & S_IFMT == S_IFCHR)
        #expect(throws: FileReader.Failure(reason: "No space left on device")) {
            try AtomicFile.write(Array("full\n".utf8), to: "/dev/full")
        }
    }

    @Test func failuresNameTheReasonAndCreateNothing() {
        let scratch = Scratch()
        mkdir(scratch.path("dir"), 0o755)
        #expect(throws: FileReader.Failure(reason: "is a directory")) {
            try AtomicFile.write([0x61], to: scratch.path("dir"))
        }
        #expect(throws: FileReader.Failure(reason: "No such file or directory")) {
            try AtomicFile.write([0x61], to: scratch.path("missing/a.txt"))
        }
        #expect(InterruptionTests.names(in: scratch.root) == ["dir"])
        #expect(InterruptionTests.names(in: scratch.path("dir")) == [])
    }

    /// What the SIGINT handler runs: armed temporaries are removed, released ones are not.
    @Test func pendingTemporariesAreRemovedOnInterrupt() throws {
        let scratch = Scratch()
        let pending = scratch.write(".a.txt.chaff-test", "partial")
        let finished = scratch.write(".b.txt.chaff-test", "renamed already")
        let armed = try #require(InterruptCleanup.claim(Array(pending.utf8)))
        let released = try #require(InterruptCleanup.claim(Array(finished.utf8)))
        InterruptCleanup.release(released.slot)
        // A released slot no longer holds our path: a write running in parallel may claim it at
        // once (so this test must not unlink through it), but never with this path.
        #expect(InterruptCleanup.armedPath(released.slot) != Array(finished.utf8))
        // What the handler's `removePending()` does for every slot, done for ours only.
        InterruptCleanup.removeIfArmed(armed.slot)
        InterruptCleanup.release(armed.slot)
        #expect(InterruptionTests.names(in: scratch.root) == [".b.txt.chaff-test"])
    }

    /// A file its owner may not write is refused, although the directory would allow the
    /// rename that replaces it. As root (who may write anything) this runs as `nobody`.
    @Test func aReadOnlyFileIsNotReplaced() throws {
        let scratch = Scratch()
        scratch.write("a.txt", "%s\n")
        scratch.write("out/report.txt", "read-only\n")
        chmod(scratch.path("out/report.txt"), 0o444)
        let arguments = ["check", "--output", "out/report.txt", "a.txt"]
        let run: ExecutableRun
        if runningAsRoot {
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "running as root without setpriv")
            chown(scratch.path("out"), 65534, 65534)
            chown(scratch.path("out/report.txt"), 65534, 65534)
            run = try ExecutableRun.run(
                ["--reuid=65534", "--regid=65534", "--clear-groups", try ExecutableRun.executable()] + arguments,
                in: scratch.root, executable: "/usr/bin/setpriv")
        } else {
            run = try ExecutableRun.run(arguments, in: scratch.root)
        }
        #expect(run.out == "")
        #expect(run.err == "out/report.txt: error: cannot write output: Permission denied\n")
        #expect(run.status == 2)
        #expect(scratch.read("out/report.txt") == "read-only\n")
        #expect(InterruptionTests.names(in: scratch.path("out")) == ["report.txt"])
    }
}
