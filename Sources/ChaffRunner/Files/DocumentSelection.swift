import ChaffEngine

/// Which files found in a directory walk are documents to lint.
///
/// By default: files whose extension (compared case-insensitively) is a document format chaff
/// reads (`.txt`, `.text`; `.rst`, `.rest`; `.md`, `.markdown`, `.mdx`; `.html`, `.htm`,
/// `.xhtml`; `.po`, `.pot`; `.xlf`, `.xliff`, `.stringsdict`; Android's `strings*.xml` and the
/// `.xml` files of `values*/` folders), and files without an extension whose name is one of the usual prose files of a
/// project (`README`, `LICENSE`, `CHANGELOG` …, see `defaultNames`). Source code, data and
/// build files (`Makefile`, `.swift`, `.json`, `.yml`) are not prose, and linting them as such
/// buries the real findings. `include` patterns replace that default; a path matched by a
/// `formats` override is a document either way, since the user said how to read it.
public struct DocumentSelection: Sendable {
    /// The extensions of the document formats, lowercase, without the dot.
    public static let defaultExtensions: Set<String> = [
        "txt", "text", "rst", "rest", "md", "markdown", "mdx", "html", "htm", "xhtml", "po", "pot", "xlf", "xliff",
        "stringsdict", "strings", "xcstrings", "arb",
    ]
    /// Names of extensionless files that are prose, uppercase (matched case-insensitively).
    public static let defaultNames: Set<String> = [
        "README", "LICENSE", "LICENCE", "COPYING", "COPYRIGHT", "NOTICE", "PATENTS", "AUTHORS",
        "CONTRIBUTORS", "CONTRIBUTING", "CREDITS", "THANKS", "CHANGELOG", "CHANGES", "NEWS",
        "HISTORY", "INSTALL", "TODO",
    ]

    /// Patterns of files to lint instead of the default set; `nil` for the default set.
    public var include: [Glob]?
    /// Patterns of `formats` overrides; a file they match is a document.
    public var formats: [Glob]
    /// The absolute directory the patterns are relative to (the config file's).
    public var base: String
    /// The absolute working directory, against which relative paths are resolved.
    public var workingDirectory: String

    /// A selection; patterns are relative to `base`.
    public init(include: [Glob]? = nil, formats: [Glob] = [], base: String, workingDirectory: String) {
        self.include = include
        self.formats = formats
        self.base = base
        self.workingDirectory = workingDirectory
    }

    /// Whether the file at `path` (as walked), whose last segment is `name`, is a document.
    func contains(name: [UInt8], path: String) -> Bool {
        if include != nil || !formats.isEmpty {
            let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
            let relative = PathDisplay.relative(absolute, to: base)
            if formats.contains(where: { $0.matches(relative) }) { return true }
            if let include { return include.contains { $0.matches(relative) } }
        }
        return Self.isDefaultDocument(name) || DocumentFormat(forPath: path) == .androidStrings
            || (Self.hasJSONExtension(name) && SourceCatalogue.isCatalogueJSON(path))
    }

    /// Whether `name` ends in `.json` (any case): only then is the path looked at.
    private static func hasJSONExtension(_ name: [UInt8]) -> Bool {
        name.count > 5 && String(decoding: name.suffix(5), as: UTF8.self).lowercased() == ".json"
    }

    /// Whether a file called `name` is in the default set.
    static func isDefaultDocument(_ name: [UInt8]) -> Bool {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else {
            return defaultNames.contains(String(decoding: name, as: UTF8.self).uppercased())
        }
        // `.profile`-like names are hidden and never get here; `x.` has an empty extension.
        guard dot > 0, name.count - dot - 1 <= 11 else { return false }
        return defaultExtensions.contains(String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased())
    }
}
