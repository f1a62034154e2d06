import Foundation
import Testing

@testable import ChaffCLI

/// Which files a directory walk lints: document types, ignore files, `include` and `exclude`,
/// `--force-exclude`, `--no-ignore`, and overlapping paths.
@Suite struct WalkTests {
    /// A line every document gets, so each linted file gives exactly one finding.
    static let token = "{{ x }}\n"

    /// A scratch directory holding `names`, each with one finding.
    func scratch(_ names: [String]) -> Scratch {
        let scratch = Scratch()
        for name in names { scratch.write(name, Self.token) }
        return scratch
    }

    /// `chaff check` with only the rule the token trips, in the scratch directory.
    func check(_ arguments: [String], in scratch: Scratch) -> ChaffRun {
        chaff(["check", "--select", "placeholder-template-expression"] + arguments, in: scratch.root)
    }

    /// The files named in a compiler-style report, in report order.
    func files(_ run: ChaffRun) -> [String] {
        run.out.split(separator: "\n").map { String($0.split(separator: ":")[0]) }
    }

    @Test func aWalkLintsOnlyDocumentTypes() {
        let scratch = scratch([
            "README", "LICENSE", "README.md", "notes.txt", "a.text", "doc.rst", "page.html", "page.htm",
            "x.xhtml", "p.mdx", "Makefile", "mkdocs.yml", "app.js", "main.swift", "data.json", "node/x.py",
        ])
        let run = check([scratch.root], in: scratch)
        #expect(
            files(run) == ["LICENSE", "README", "README.md", "a.text", "doc.rst", "notes.txt", "p.mdx", "page.htm", "page.html", "x.xhtml"])
        #expect(run.err == "")
        #expect(run.status == 1)
    }

    @Test func aFormatsOverrideMakesAFileADocument() {
        let scratch = scratch(["docs/guide.tmpl", "docs/other.tmpl", "a.md"])
        scratch.write(".chaff.json", #"{"formats": {"docs/guide.tmpl": "markdown"}}"#)
        #expect(files(check([scratch.root], in: scratch)) == ["a.md", "docs/guide.tmpl"])
    }

    @Test func aNamedFileIsReadWhateverItsExtension() {
        let scratch = scratch(["Makefile", "main.swift"])
        let run = check([scratch.path("Makefile"), scratch.path("main.swift")], in: scratch)
        #expect(
            run.out == """
                Makefile:1:1: warning: Unrendered template expression '{{ x }}'; fill it in or remove it [placeholder-template-expression]
                main.swift:1:1: warning: Unrendered template expression '{{ x }}'; fill it in or remove it [placeholder-template-expression]

                """)
        #expect(run.status == 1)
    }

    /// A git work tree at the scratch root with this `.gitignore`.
    func repository(_ gitignore: String, files: [String]) -> Scratch {
        let scratch = scratch(files)
        scratch.write(".git/HEAD", "ref: refs/heads/main\n")
        scratch.write(".gitignore", gitignore)
        return scratch
    }

    @Test func gitignoreNegation() {
        let scratch = repository("*.md\n!keep.md\n", files: ["a.md", "keep.md", "sub/b.md", "sub/keep.md", "c.txt"])
        #expect(files(check([scratch.root], in: scratch)) == ["c.txt", "keep.md", "sub/keep.md"])
    }

    @Test func gitignoreAnchoring() {
        let scratch = repository("/top.md\ndocs/draft.md\n", files: ["top.md", "sub/top.md", "docs/draft.md", "x/docs/draft.md"])
        #expect(files(check([scratch.root], in: scratch)) == ["sub/top.md", "x/docs/draft.md"])
    }

    @Test func gitignoreDirectoryOnly() {
        let scratch = repository("README/\n_site/\n", files: ["README", "a/README/x.md", "_site/index.html", "b/_site/page.html", "c.md"])
        #expect(files(check([scratch.root], in: scratch)) == ["README", "c.md"])
    }

    @Test func gitignoreDoubleStars() {
        let scratch = repository(
            "**/generated\ndocs/**/tmp.md\nvendor/**\n",
            files: [
                "generated/a.md", "x/y/generated/b.md", "docs/tmp.md", "docs/a/b/tmp.md", "tmp.md", "vendor/v.md", "keep.md",
            ])
        #expect(files(check([scratch.root], in: scratch)) == ["keep.md", "tmp.md"])
    }

    @Test func deeperGitignoreWins() {
        let scratch = repository("*.md\n", files: ["a.md", "sub/b.md", "sub/deeper/c.md", "sub/deeper/d.txt"])
        scratch.write("sub/.gitignore", "!*.md\n")
        scratch.write("sub/deeper/.gitignore", "c.md\n*.txt\n")
        #expect(files(check([scratch.root], in: scratch)) == ["sub/b.md"])
    }

    @Test func chaffignoreBeatsIgnoreBeatsGitignore() {
        let scratch = repository("*.html\n!notes.txt\n", files: ["page.html", "other.html", "notes.txt", "a.md"])
        scratch.write(".ignore", "notes.txt\n")
        scratch.write(".chaffignore", "!page.html\na.md\n")
        #expect(files(check([scratch.root], in: scratch)) == ["page.html"])
        // As in ripgrep, the kind of file decides before depth: a deeper .gitignore does not
        // undo what a .chaffignore above says.
        scratch.write("sub/.gitignore", "page.html\n")
        scratch.write("sub/page.html", Self.token)
        #expect(files(check([scratch.root], in: scratch)) == ["page.html", "sub/page.html"])
    }

    @Test func gitInfoExcludeAndAGitFile() {
        let scratch = repository("", files: ["a.md", "private.md"])
        scratch.write(".git/info/exclude", "private.md\n")
        #expect(files(check([scratch.root], in: scratch)) == ["a.md"])
        // A worktree's .git is a file naming its git directory, whose commondir holds info/.
        scratch.write("tree/.git", "gitdir: ../.git/worktrees/tree\n")
        scratch.write(".git/worktrees/tree/commondir", "../..\n")
        scratch.write("tree/private.md", Self.token)
        scratch.write("tree/b.md", Self.token)
        #expect(files(check([scratch.path("tree")], in: scratch)) == ["tree/b.md"])
    }

    @Test func outsideAGitRepositoryGitignoreIsNotRead() {
        let scratch = scratch(["a.md", "b.md", "c.md"])
        scratch.write(".gitignore", "a.md\n")
        scratch.write(".ignore", "b.md\n")
        #expect(files(check([scratch.root], in: scratch)) == ["a.md", "c.md"])
    }

    @Test func ignoreFilesAboveTheWalkedDirectoryCount() {
        let scratch = repository("docs/drafts/\n", files: ["docs/a.md", "docs/drafts/b.md"])
        #expect(files(check([scratch.path("docs")], in: scratch)) == ["docs/a.md"])
    }

    @Test func configIncludeReplacesTheDocumentTypesAndExcludeStillApplies() {
        let scratch = scratch(["README.md", "docs/a.md", "docs/b.tmpl", "docs/old/c.md", "site/x.tmpl", "z.txt"])
        scratch.write(".chaff.json", #"{"include": ["docs/**", "*.tmpl"], "exclude": ["docs/old"]}"#)
        let run = check([scratch.root], in: scratch)
        #expect(files(run) == ["docs/a.md", "docs/b.tmpl", "site/x.tmpl"])
        #expect(run.status == 1)
        // A named file is read even when `include` does not list it.
        #expect(files(check([scratch.path("z.txt")], in: scratch)) == ["z.txt"])
    }

    @Test func aNamedFileIsReadDespiteIgnoreFilesUnlessForceExclude() {
        let scratch = repository("ignored.md\nbuild/\n", files: ["ignored.md", "build/out.md", "vendor/v.md", "a.md"])
        scratch.write(".chaff.json", #"{"exclude": ["vendor"]}"#)
        let named = [scratch.path("ignored.md"), scratch.path("build/out.md"), scratch.path("vendor/v.md"), scratch.path("a.md")]
        let run = check(named, in: scratch)
        #expect(files(run) == ["a.md", "build/out.md", "ignored.md", "vendor/v.md"])
        #expect(run.err == "")
        let forced = check(["--force-exclude"] + named, in: scratch)
        #expect(
            forced.out
                == "a.md:1:1: warning: Unrendered template expression '{{ x }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
        #expect(
            forced.err
                == "chaff: note: skipped 3 excluded paths named on the command line (--force-exclude; first: \(scratch.path("ignored.md")))\n"
        )
        #expect(forced.status == 1)
        #expect(check(["--force-exclude", "--quiet", scratch.path("ignored.md")], in: scratch).status == 0)
        // A named directory that is ignored is skipped as a whole; without the option it is walked.
        #expect(files(check(["--force-exclude", "-q", scratch.path("build")], in: scratch)) == [])
        #expect(files(check([scratch.path("build")], in: scratch)) == ["build/out.md"])
    }

    @Test func noIgnoreReadsNoIgnoreFiles() {
        let scratch = repository("a.md\n", files: ["a.md", "b.md", "c.md"])
        scratch.write(".ignore", "b.md\n")
        scratch.write(".chaff.json", #"{"exclude": ["c.md"]}"#)
        #expect(files(check([scratch.root], in: scratch)) == [])
        // `exclude` is config, not an ignore file: it still applies.
        #expect(files(check(["--no-ignore", scratch.root], in: scratch)) == ["a.md", "b.md"])
    }

    @Test func overlappingPathsReportAFileOnce() {
        let scratch = scratch(["docs/a.md", "docs/zh/b.md"])
        let run = check([scratch.path("docs"), scratch.path("docs/zh"), scratch.path("docs/zh/b.md"), scratch.path("docs")], in: scratch)
        #expect(
            run.out == """
                docs/a.md:1:1: warning: Unrendered template expression '{{ x }}'; fill it in or remove it [placeholder-template-expression]
                docs/zh/b.md:1:1: warning: Unrendered template expression '{{ x }}'; fill it in or remove it [placeholder-template-expression]

                """)
        // The same file through a symlink is the same file.
        symlink(scratch.path("docs/a.md"), scratch.path("docs/link.md"))
        #expect(files(check([scratch.path("docs/a.md"), scratch.path("docs")], in: scratch)) == ["docs/a.md", "docs/zh/b.md"])
    }

    @Test func fixCountsOverlappingFilesOnce() {
        let scratch = Scratch()
        scratch.write("rules/use-color.json", FixTests.rule)
        scratch.write("docs/zh/a.md", "colour colour\n")
        let run = chaff(
            [
                "fix", "--no-default-rules", "--rules", scratch.path("rules"), scratch.path("docs"), scratch.path("docs/zh"),
                scratch.path("docs/zh/a.md"),
            ], in: scratch.root)
        #expect(run.out == "")
        #expect(run.err == "chaff: fixed 2 findings in 1 file\n")
        #expect(run.status == 0)
        #expect(scratch.read("docs/zh/a.md") == "color color\n")
    }

    @Test func aBadIncludeIsAnErrorAtItsPosition() {
        let scratch = scratch(["a.md"])
        scratch.write(".chaff.json", "{\n  \"include\": \"docs\"\n}\n")
        let notArray = check([scratch.root], in: scratch)
        #expect(notArray.status == 2)
        #expect(notArray.out == "")
        #expect(notArray.err == ".chaff.json:2:14: error: 'include' must be an array of strings, found a string\n")
        scratch.write(".chaff.json", "{\"include\": [\"docs/**\",\n    7]}\n")
        #expect(check([scratch.root], in: scratch).err == ".chaff.json:2:5: error: 'include[1]' must be a string, found a number\n")
        scratch.write(".chaff.json", "{\"version\": 1, \"include\": []}")
        #expect(
            check([scratch.root], in: scratch).err
                == ".chaff.json:1:27: error: 'include' is empty; list the paths to lint, or remove it to lint the document types chaff reads\n"
        )
        scratch.write(".chaff.json", "{\"includes\": []}")
        #expect(check([scratch.root], in: scratch).err == ".chaff.json:1:2: error: unknown key 'includes'; did you mean 'include'?\n")
    }

    @Test func anUnreadableIgnoreFileIsAProblem() throws {
        guard getuid() != 0 else { return }  // root reads everything
        let scratch = scratch(["a.md", "sub/b.md"])
        scratch.write("sub/.ignore", "b.md\n")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: scratch.path("sub/.ignore"))
        let run = check([scratch.root], in: scratch)
        #expect(files(run) == ["a.md", "sub/b.md"])
        #expect(run.err == "sub/.ignore: error: cannot read: Permission denied\n")
        #expect(run.status == 2)
    }
}
