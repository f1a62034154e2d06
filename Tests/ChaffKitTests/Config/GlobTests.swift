import Testing

@testable import ChaffRunner

@Suite struct GlobTests {
    @Test(arguments: [
        ("vendor/**", "vendor/a/b.md", true),
        ("vendor/**", "src/vendor/a.md", false),
        ("vendor", "src/vendor/a.md", true),
        ("*.min.html", "a/b/x.min.html", true),
        ("*.min.html", "a/b/x.html", false),
        ("docs/*.md", "docs/a.md", true),
        ("docs/*.md", "docs/sub/a.md", false),
        ("docs/**/*.md", "docs/a.md", true),
        ("docs/**/*.md", "docs/x/y/a.md", true),
        ("file?.txt", "file1.txt", true),
        ("file[0-9].txt", "file7.txt", true),
        ("file[!0-9].txt", "file7.txt", false),
        ("./build/", "build/out.txt", true),
    ])
    func matching(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }
}
