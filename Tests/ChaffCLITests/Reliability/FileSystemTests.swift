import Foundation
import Testing

@testable import ChaffCLI

#if canImport(Glibc)
    import Glibc
#endif

/// Trees that fight back: symlink loops, unreadable entries, FIFOs, names that are not UTF-8,
/// and names with every character that means something in an output format.
@Suite struct FileSystemTests {
    @Test func directorySymlinksAreNotFollowedAndBrokenLinksAreNoted() {
        let scratch = Scratch()
        scratch.write("a.txt", "%s\n")
        scratch.write("sub/b.txt", "{a|b}\n")
        scratch.write("real/c.txt", "{{ r }}\n")
        symlink("..", scratch.path("sub/up"))
        symlink(".", scratch.path("sub/self"))
        symlink("../real", scratch.path("sub/real-link"))
        symlink("../a.txt", scratch.path("sub/file-link.txt"))
        scratch.write(".hidden.txt", "%s\n")
        symlink("../.hidden.txt", scratch.path("sub/hidden-link.txt"))
        symlink("loop-b", scratch.path("sub/loop-a"))
        symlink("loop-a", scratch.path("sub/loop-b"))
        symlink("missing", scratch.path("sub/dangling"))
        let run = chaff(["check", scratch.root], in: scratch.root)
        // Each file once: no walk through "up", "self" or "real-link"; file symlinks are read,
        // but "file-link.txt" leads to a.txt, already found, so only "hidden-link.txt" counts.
        #expect(
            run.out == """
                a.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                real/c.txt:1:1: warning: Unrendered template expression '{{ r }}'; fill it in or remove it [placeholder-template-expression]
                sub/b.txt:1:1: warning: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]
                sub/hidden-link.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]

                """)
        #expect(run.err == "chaff: note: skipped 3 broken symbolic links (first: sub/dangling)\n")
        #expect(run.status == 1)

        // A directory symlink the user names is followed; a loop the user names is an error.
        let named = chaff(["check", scratch.path("sub/real-link"), scratch.path("sub/loop-a")], in: scratch.root)
        #expect(
            named.out
                == "sub/real-link/c.txt:1:1: warning: Unrendered template expression '{{ r }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
        #expect(named.err == "\(scratch.path("sub/loop-a")): error: Too many levels of symbolic links\n")
        #expect(named.status == 2)
    }

    /// chmod 000 stops reads only for a user who is not root. As root (CI containers), the test
    /// runs the real executable as `nobody` through setpriv; otherwise in-process.
    @Test func permissionDeniedEntriesAreErrorsAndTheRestIsLinted() throws {
        let scratch = Scratch()
        scratch.write("open/a.txt", "%s\n")
        scratch.write("locked/b.txt", "%d\n")
        scratch.write("secret.txt", "{{ x }}\n")
        chmod(scratch.path("locked"), 0)
        chmod(scratch.path("secret.txt"), 0)
        defer { chmod(scratch.path("locked"), 0o755) }
        let expectedOut =
            "open/a.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n"
        let expectedErr = "locked: error: Permission denied\nsecret.txt: error: cannot read: Permission denied\n"
        if runningAsRoot {
            let setpriv = "/usr/bin/setpriv"
            try #require(
                FileManager.default.isExecutableFile(atPath: setpriv),
                "running as root without setpriv: cannot drop privileges to test permission errors")
            chmod(scratch.root, 0o755)
            let run = try ExecutableRun.run(
                ["--reuid=65534", "--regid=65534", "--clear-groups", try ExecutableRun.executable(), "check", "."], in: scratch.root,
                executable: setpriv)
            #expect(run.out == expectedOut)
            #expect(run.err == expectedErr)
            #expect(run.status == 2)
        } else {
            let run = chaff(["check", scratch.root], in: scratch.root)
            #expect(run.out == expectedOut)
            #expect(run.err == expectedErr)
            #expect(run.status == 2)
        }
    }

    /// A dangling symlink, a path through a file, a read error (EIO from /proc/self/mem), a
    /// missing path and a device that never ends (/dev/zero, which would fill memory).
    @Test func errorPathsThatDoNotDependOnPermissions() {
        let scratch = Scratch()
        scratch.write("a.txt", "%s\n")
        symlink("nowhere", scratch.path("dangling"))
        let run = chaff(
            [
                "check", scratch.path("a.txt"), scratch.path("dangling"), scratch.path("a.txt/b"), "/proc/self/mem",
                scratch.path("missing"), "/dev/zero",
            ],
            in: scratch.root)
        // Every readable file is still linted and reported; each unreadable path is named with
        // the system's reason; the status is 2 whatever the findings.
        #expect(
            run.out == "a.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n")
        #expect(
            run.err == """
                \(scratch.path("dangling")): error: No such file or directory
                \(scratch.path("a.txt/b")): error: Not a directory
                \(scratch.path("missing")): error: No such file or directory
                /proc/self/mem: error: cannot read: Input/output error
                /dev/zero: error: cannot read: is a device, not a file

                """)
        #expect(run.status == 2)
    }

    @Test func fifoInADirectoryIsSkippedAndANamedFifoIsRead() throws {
        let scratch = Scratch()
        scratch.write("dir/a.txt", "%s\n")
        mkfifo(scratch.path("dir/pipe.txt"), 0o644)
        // Opening a FIFO blocks until a writer comes, so a walk must not open one. The real
        // executable runs with a deadline, so a regression fails instead of hanging the suite.
        let walked = try ExecutableRun.run(["check", "dir"], in: scratch.root, timeout: 20)
        #expect(
            walked.out
                == "dir/a.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n")
        #expect(walked.err == "")
        #expect(walked.status == 1)

        // A FIFO the user names is read like `cat` reads it (what `chaff check <(cmd)` needs).
        let fifo = scratch.path("named.txt")
        mkfifo(fifo, 0o644)
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            _ = "piped {x|y}\n".withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
        writer.start()
        let named = try ExecutableRun.run(["check", "named.txt"], in: scratch.root, timeout: 20)
        #expect(named.out == "named.txt:1:7: warning: Unspun spintax '{x|y}'; choose one alternative [placeholder-spintax]\n")
        #expect(named.status == 1)
    }

    @Test func namesThatAreNotUTF8AreLintedAndShownWithVisibleBytes() {
        let scratch = Scratch()
        // "你好" in GBK, as unzip leaves names from a Chinese Windows archive.
        let name: [UInt8] = Array("gbk-".utf8) + [0xC4, 0xE3, 0xBA, 0xC3] + Array(".txt".utf8)
        let fd = (Array(scratch.root.utf8) + [UInt8(ascii: "/")] + name + [0]).withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        _ = "x %s\n".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        let run = chaff(["check", scratch.root], in: scratch.root)
        #expect(
            run.out
                == "gbk-\\xC4\\xE3\\xBA\\xC3.txt:1:3: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n"
        )
        #expect(run.err == "")
        #expect(run.status == 1)
    }

    /// A name that starts with a combining mark merges with the "/" before it into one
    /// `Character`; paths are split and compared as bytes, so it is still shown relative.
    @Test func nameStartingWithACombiningMarkIsShownRelative() {
        let scratch = Scratch()
        scratch.write("\u{301}y.txt", "%s\n")
        let run = chaff(["check", scratch.root], in: scratch.root)
        #expect(
            run.out
                == "\u{301}y.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n"
        )
    }

    /// One name with a space, a comma, a colon, a percent sign, a newline and Chinese, in every
    /// format: compiler output shows the newline as `\x0a`; GitHub escapes `,` `:` `%` and the
    /// newline its own way; JSON escapes the newline; SARIF percent-encodes the URI.
    @Test func pathWithSpecialCharactersInEveryFormat() throws {
        let scratch = Scratch()
        scratch.write("dir 1/a b,c:d%2F\n中.txt", "x %s\n")
        func check(_ format: String) -> ChaffRun {
            chaff(["check", "--format", format, "--select", "placeholder-printf-specifier", scratch.root], in: scratch.root)
        }
        #expect(
            check("compiler").out
                == "dir 1/a b,c:d%2F\\x0a中.txt:1:3: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n"
        )
        #expect(
            check("github").out
                == "::warning file=dir 1/a b%2Cc%3Ad%252F%0A中.txt,line=1,endLine=1,col=3,endColumn=5,title=chaff%3A A printf-style format specifier such as %25s%2C %25d%2C %251$s%2C %25(name)s or %25@ appears in prose::Format specifier '%25s' in prose; the value was never filled in [placeholder-printf-specifier]\n"
        )
        let json = check("json").out
        #expect(json.contains("\n      \"path\": \"dir 1/a b,c:d%2F\\n中.txt\",\n"))
        let sarif = check("sarif")
        #expect(
            sarif.out.contains(
                "\n                  \"uri\": \"dir%201/a%20b%2Cc%3Ad%252F%0A%E4%B8%AD.txt\",\n                  \"uriBaseId\": \"%SRCROOT%\"\n"
            ))
        // And each parses back to the exact name.
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(((root["diagnostics"] as? [[String: Any]])?.first?["path"] as? String) == "dir 1/a b,c:d%2F\n中.txt")
        let sarifRoot = try #require(try JSONSerialization.jsonObject(with: Data(sarif.out.utf8)) as? [String: Any])
        let result = ((sarifRoot["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first
        let location =
            ((result?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
            as? [String: Any]
        #expect((location?["uri"] as? String)?.removingPercentEncoding == "dir 1/a b,c:d%2F\n中.txt")
    }
}
