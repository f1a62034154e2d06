import ChaffText

/// How a vague-authority phrase hides its source.
package enum ClaimPhraseMode: String, Sendable, CaseIterable {
    /// The phrase itself says nobody is named (据不完全统计, 有专家表示, 据悉, "some say"): only a
    /// citation mark or a named attribution elsewhere in the sentence clears it.
    case always
    /// The phrase has a subject slot (研究表明, 数据显示, "studies show", "experts say"): it is vague
    /// when the words right before it name no one (哈佛大学的研究表明 and "A 2019 Lancet study
    /// shows" are fine; 最新研究表明 and "Recent studies show" are not), and also cleared by a
    /// citation mark or a named attribution in the sentence.
    case unlessNamed
}

/// The phrases the claim detector looks for, grouped by category, with per-phrase modes.
///
/// Rule-file options (every key but `groups` optional; unknown keys are errors):
/// ```json
/// "options": {
///   "groups": [
///     {"category": "unnamed-counting", "missing": "names no source for its figures",
///      "always": ["据不完全统计", "according to some estimates"],
///      "unlessNamed": ["数据显示", "statistics show"],
///      "frames": ["据…统计", "according to…survey"],
///      "exceptions": ["数据显示屏"]}
///   ],
///   "vagueQualifiers": ["坊间"],
///   "sourceSuffixes": ["研究会"]
/// }
/// ```
/// - `category`: a short name for the finding (kebab-case).
/// - `missing`: completes "Unsourced claim: '<phrase>' …"; default `names no source`.
/// - `always`, `unlessNamed`: the phrases (at least one phrase or frame in a group). ASCII letters match either
///   case and must stand as whole words; runs of white space in a phrase match any run of white
///   space (line breaks included) in the text, and a line break between two CJK characters
///   matches nothing. Each phrase may be listed once across all groups.
/// - `frames`: an opening and a closing word joined by `…` (据…统计, according to…survey): the
///   opening word, then within the same clause (16 characters, or 8 words) the closing word. The
///   words between and after are judged like a source after "according to": the frame is
///   reported when they name no one (据某知名机构统计, according to a new survey) and not when
///   they do (据国家统计局统计, according to a Gallup survey). Phrases win over frames.
/// - `bare`: the tier of a finding whose sentence has none of the group's `signatures`:
///   `warning` (the default), `note` or `none` (not reported). A finding whose sentence has one
///   is a warning.
/// - `signatures`: what makes a finding a warning, any of `figure`, `prediction`, `sweeping`
///   (default all three; see `ClaimSignature`).
/// - `exceptions`: texts that contain a phrase but are not claims (数据显示屏, 研究发现的);
///   a phrase overlapped by an exception is not reported. A phrase that starts with 据 is not
///   matched inside a word (数据, 证据: 数据分析师 is not 据分析师).
/// - `vagueQualifiers`: words added to those that never name a source (Chinese words join the
///   Chinese list, ASCII words the English non-names).
/// - `sourceSuffixes`: Chinese organisation heads added to 大学, 研究所, 社, 部….
package struct ClaimLexicon: Sendable {
    /// One category of phrases.
    package struct Group: Sendable, Equatable {
        /// The category name, such as `unnamed-counting`.
        package var category: String
        /// What the phrase leaves out, completing "Unsourced claim: '<phrase>' …".
        package var missing: String
        /// Phrases that are vague on their own.
        package var always: [String]
        /// Phrases that are vague unless a named subject stands right before them.
        package var unlessNamed: [String]
        /// Opening and closing words joined by `…`, reported when what lies between names no one.
        package var frames: [String]
        /// Texts that contain a phrase but are not claims.
        package var exceptions: [String]
        /// The tier of a finding whose sentence carries none of `signatures`.
        package var bare: ClaimTier
        /// What makes a finding a warning: a figure, a prediction or a sweeping claim in its sentence.
        package var signatures: ClaimSignatures

        /// A group of phrases.
        package init(
            category: String, missing: String = "names no source", always: [String] = [], unlessNamed: [String] = [],
            frames: [String] = [], exceptions: [String] = [], bare: ClaimTier = .warning,
            signatures: ClaimSignatures = .all
        ) {
            self.category = category
            self.missing = missing
            self.always = always
            self.unlessNamed = unlessNamed
            self.frames = frames
            self.exceptions = exceptions
            self.bare = bare
            self.signatures = signatures
        }
    }

    /// One phrase or frame as matched.
    package struct Phrase: Sendable, Equatable {
        /// The phrase as listed, with white space runs made single spaces (`据…统计` for a frame).
        package var text: String
        /// Its mode; frames are `unlessNamed`.
        package var mode: ClaimPhraseMode
        /// The index of its group in `groups`.
        package var group: Int
        /// Whether it is a frame.
        package var isFrame: Bool
    }

    /// A frame's words, compiled.
    struct Frame: Sendable {
        var opener: Int
        var closer: Int
        var phrase: Int
    }

    /// The groups, in order.
    package let groups: [Group]
    /// Every phrase, then every frame.
    package let phrases: [Phrase]
    /// The automaton's patterns: `0..<plainCount` are `phrases[i]`, then the exceptions up to
    /// `exceptionEnd`, the frames' opening words (index - `exceptionEnd`) up to `openerEnd`,
    /// and their closing words (index - `openerEnd`). One pass over the text finds them all.
    let plainCount: Int
    let exceptionEnd: Int
    let openerEnd: Int
    let automaton: AhoCorasick
    /// Whether the automaton may step over the inside of ASCII words
    /// (`AhoCorasick.matchesSkippingInsideWords(in:_:)`): phrases, opening and closing words
    /// are kept only where they stand as whole words, so only an exception (kept anywhere)
    /// that begins with an ASCII word byte rules it out.
    let automatonSkipsInsideWords: Bool
    let frames: [Frame]
    /// `frameIndex[opener * closerCount + closer]`: the first frame with these words, or -1.
    let frameIndex: [Int32]
    let closerCount: Int
    /// The cue tables when the options add words to them; the built-in tables otherwise.
    let customCues: SourceCues?
    /// The cue tables that judge a match. Only documents with a match need them, so the
    /// built-in ones are built on first use rather than with the lexicon.
    var cues: SourceCues { customCues ?? SourceCues.standard }

    /// A lexicon from `groups`. Empty phrases are skipped and a phrase listed twice keeps its
    /// first listing (`init(options:)` rejects both).
    package init(groups: [Group], vagueQualifiers: [String] = [], sourceSuffixes: [String] = []) {
        self.init(groups: groups, vagueQualifiers: vagueQualifiers, sourceSuffixes: sourceSuffixes, checked: false)
    }

    /// With `checked`, the phrases of `groups` are already normalised and listed once
    /// (`init(options:)` made sure of both), and are taken as they are: normalising and hashing
    /// them a second time was a sixth of building the lexicon, which every run pays.
    private init(groups: [Group], vagueQualifiers: [String], sourceSuffixes: [String], checked: Bool) {
        var phrases: [Phrase] = []
        var exceptions: [String] = []
        var seen = CaselessByteSet()
        var framePairs: [(String, String, Int)] = []
        var foldedSeen = CaselessByteSet(capacity: 2048)
        var patternBytes: [[UInt8]] = []
        for (index, group) in groups.enumerated() {
            for (list, mode) in [(group.always, ClaimPhraseMode.always), (group.unlessNamed, .unlessNamed)] {
                for raw in list {
                    let text = checked ? raw : Self.normalize(raw)
                    if !checked && (text.isEmpty || seen.insert(text, value: 0) != nil) { continue }
                    // Text is matched with Traditional characters folded to Simplified
                    // (`FoldedText`), and so are the patterns: 據悉 and 据悉 are one pattern, which
                    // keeps its first listing.
                    let bytes = HanFold.fold(Array(text.utf8))
                    if foldedSeen.insert(bytes, value: 0) != nil { continue }
                    patternBytes.append(bytes)
                    phrases.append(Phrase(text: text, mode: mode, group: index, isFrame: false))
                }
            }
            for raw in group.frames {
                guard let (opener, closer) = Self.frameParts(raw), seen.insert(opener + "…" + closer, value: 0) == nil else { continue }
                let (o, c) = (HanFold.fold(opener), HanFold.fold(closer))
                if framePairs.contains(where: { $0.0 == o && $0.1 == c }) { continue }
                framePairs.append((o, c, index))
            }
            exceptions += group.exceptions.map(Self.normalize).filter { !$0.isEmpty }
        }
        let plainCount = phrases.count
        var openers: [String] = []
        var closers: [String] = []
        var frames: [Frame] = []
        for (opener, closer, group) in framePairs {
            if !openers.contains(opener) { openers.append(opener) }
            if !closers.contains(closer) { closers.append(closer) }
            frames.append(Frame(opener: openers.firstIndex(of: opener)!, closer: closers.firstIndex(of: closer)!, phrase: phrases.count))
            phrases.append(Phrase(text: opener + "…" + closer, mode: .unlessNamed, group: group, isFrame: true))
        }
        self.groups = groups
        self.phrases = phrases
        self.plainCount = plainCount
        self.exceptionEnd = plainCount + exceptions.count
        self.openerEnd = exceptionEnd + openers.count
        let patterns = patternBytes + (exceptions + openers + closers).map { HanFold.fold(Array($0.utf8)) }
        self.automaton = AhoCorasick(patterns: patterns, caseInsensitiveASCII: true)
        self.automatonSkipsInsideWords = !exceptions.contains { $0.utf8.first.map(WordBoundary.isASCIIWordByte) ?? false }
        self.frames = frames
        var frameIndex = [Int32](repeating: -1, count: openers.count * closers.count)
        for (i, frame) in frames.enumerated() where frameIndex[frame.opener * closers.count + frame.closer] < 0 {
            frameIndex[frame.opener * closers.count + frame.closer] = Int32(i)
        }
        self.frameIndex = frameIndex
        self.closerCount = closers.count
        self.customCues =
            vagueQualifiers.isEmpty && sourceSuffixes.isEmpty
            ? nil : SourceCues(extraVague: vagueQualifiers, extraSuffixes: sourceSuffixes)
    }

    /// `据…统计` → (据, 统计); `...` is accepted for `…`.
    static func frameParts(_ frame: String) -> (String, String)? {
        // Searched as bytes: each frame is read twice on every run, and a string search cost
        // thousands of instructions a time. Both separators are three bytes.
        let bytes = Array(frame.utf8)
        let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]
        let separator = firstOffset(of: ellipsis, in: bytes, from: 0) != nil ? ellipsis : [0x2E, 0x2E, 0x2E]
        guard let cut = firstOffset(of: separator, in: bytes, from: 0), firstOffset(of: separator, in: bytes, from: cut + 3) == nil
        else { return nil }
        let opener = normalize(String(decoding: bytes[..<cut], as: UTF8.self))
        let closer = normalize(String(decoding: bytes[(cut + 3)...], as: UTF8.self))
        return opener.isEmpty || closer.isEmpty ? nil : (opener, closer)
    }

    /// The first offset from `start` where the three bytes of `separator` stand in `bytes`.
    private static func firstOffset(of separator: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 3 <= bytes.count {
            if bytes[i] == separator[0] && bytes[i + 1] == separator[1] && bytes[i + 2] == separator[2] { return i }
            i += 1
        }
        return nil
    }

    /// Decodes rule-file options strictly (see the type's documentation for the keys). The
    /// built-in rule does not come here: its lexicon is compiled into the binary
    /// (`BuiltinClaimLexicon`).
    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        guard let groupsNode = options.node("groups") else {
            throw ObjectReader.Failure(offset: options.offset, message: "missing required key '\(options.path(of: "groups"))'")
        }
        guard case .array(let elements) = groupsNode.value, !elements.isEmpty else {
            throw ObjectReader.Failure(
                offset: groupsNode.offset, message: "'\(options.path(of: "groups"))' must be a non-empty array of objects")
        }
        var groups: [Group] = []
        var seen = SeenPhrases()
        for (i, element) in elements.enumerated() {
            groups.append(try Self.group(element, at: i, groupsPath: options.path(of: "groups"), seen: &seen))
        }
        let vague = try options.optionalStrings("vagueQualifiers")?.map(\.0) ?? []
        let suffixes = try options.optionalStrings("sourceSuffixes")?.map(\.0) ?? []
        self.init(groups: groups, vagueQualifiers: vague, sourceSuffixes: suffixes, checked: true)
    }

    /// Where each phrase was first listed, as (group, key, index): the path text is built
    /// only for the error message, not for each of the lexicon's thousands of phrases.
    private struct SeenPhrases {
        var phrases = CaselessByteSet(capacity: 2048)
        var listings: [(group: Int, key: String, index: Int)] = []

        /// Records `text` as listed at (`group`, `key`, `index`); returns where it was listed
        /// before, if it was.
        mutating func insert(_ text: String, group: Int, key: String, index: Int) -> (group: Int, key: String, index: Int)? {
            if let first = phrases.insert(text, value: listings.count) { return listings[first] }
            listings.append((group, key, index))
            return nil
        }
    }

    /// The group at `groups[i]`.
    private static func group(_ element: JSONNode, at i: Int, groupsPath: String, seen: inout SeenPhrases) throws(ObjectReader.Failure)
        -> Group
    {
        let path = "\(groupsPath)[\(i)]"
        var reader = try ObjectReader(element, path: path)
        let category = try reader.string("category")
        if category.isEmpty {
            throw ObjectReader.Failure(offset: reader.offset, message: "'\(reader.path(of: "category"))' is empty")
        }
        let missing = try reader.optionalString("missing") ?? "names no source"
        var lists: [String: [String]] = [:]
        for key in ["always", "unlessNamed", "frames", "exceptions"] {
            lists[key] = try phrases(key, &reader, group: i, groupsPath: groupsPath, seen: &seen)
        }
        let bare = try reader.optionalChoice("bare", ClaimTier.allCases.map(\.rawValue)).flatMap(ClaimTier.init(rawValue:)) ?? .warning
        let signatures = try self.signatures(&reader)
        if (lists["always"] ?? []).isEmpty && (lists["unlessNamed"] ?? []).isEmpty && (lists["frames"] ?? []).isEmpty {
            throw ObjectReader.Failure(
                offset: reader.offset, message: "'\(path)' needs at least one entry in 'always', 'unlessNamed' or 'frames'")
        }
        try reader.finish()
        return Group(
            category: category, missing: missing, always: lists["always"] ?? [], unlessNamed: lists["unlessNamed"] ?? [],
            frames: lists["frames"] ?? [], exceptions: lists["exceptions"] ?? [], bare: bare, signatures: signatures)
    }

    /// The phrase list `key` of group `group`, normalised (frames as written); a phrase may be
    /// listed once in the whole lexicon, exceptions apart.
    private static func phrases(
        _ key: String, _ reader: inout ObjectReader, group: Int, groupsPath: String, seen: inout SeenPhrases
    ) throws(ObjectReader.Failure) -> [String] {
        let entries = try reader.optionalStrings(key) ?? []
        var normalized: [String] = []
        normalized.reserveCapacity(entries.count)
        for (n, (phrase, offset)) in entries.enumerated() {
            let text = Self.normalize(phrase)
            normalized.append(text)
            if text.isEmpty {
                throw ObjectReader.Failure(offset: offset, message: "'\(reader.path(of: key))[\(n)]' is empty")
            }
            if key == "frames" && Self.frameParts(phrase) == nil {
                throw ObjectReader.Failure(
                    offset: offset,
                    message: "'\(reader.path(of: key))[\(n)]' must be an opening and a closing word joined by '…', such as '据…统计'")
            }
            if key != "exceptions", let first = seen.insert(text, group: group, key: key, index: n) {
                let there = "\(groupsPath)[\(first.group)].\(first.key)[\(first.index)]"
                throw ObjectReader.Failure(
                    offset: offset, message: "'\(reader.path(of: key))[\(n)]' repeats '\(phrase)', already listed at '\(there)'")
            }
        }
        // Phrases normalised here once; the lexicon takes them as they are.
        return key == "frames" ? entries.map(\.0) : normalized
    }

    /// The group's `signatures`; all of them when it lists none.
    private static func signatures(_ reader: inout ObjectReader) throws(ObjectReader.Failure) -> ClaimSignatures {
        guard let listed = try reader.optionalStrings("signatures") else { return .all }
        var signatures = ClaimSignatures()
        for (n, (name, offset)) in listed.enumerated() {
            guard let signature = ClaimSignature(rawValue: name) else {
                throw ObjectReader.Failure(
                    offset: offset,
                    message:
                        "'\(reader.path(of: "signatures"))[\(n)]' must be one of \(ClaimSignature.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))"
                )
            }
            signatures.insert(signature)
        }
        return signatures
    }

    static func normalize(_ phrase: String) -> String {
        // Lexicons hold thousands of phrases and are built at start-up: most phrases have no
        // white space at all and are returned as they are; ASCII phrases are collapsed byte by
        // byte. Anything else (where "\r\n" or a combining mark after a space form one
        // Character) takes the Character path, whose result the fast paths reproduce.
        // Most phrases with white space are already normal (single spaces between words) and
        // are returned as they are too.
        var copy = phrase
        // Those without white space are told by one comparison a byte (tab, line feed, carriage
        // return and space are all at most 0x20); the scan below, four a byte, is for the rest.
        if copy.withUTF8({ bytes in !bytes.contains { $0 <= 0x20 } }) { return phrase }
        var hasSpace = false, isASCII = true, hasCRLF = false, isNormal = true
        var previous: UInt8 = 0
        copy.withUTF8 { bytes in
            for b in bytes {
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                    hasSpace = true
                    if b != 0x20 || previous == 0x20 || previous == 0 { isNormal = false }
                }
                if b >= 0x80 { isASCII = false }
                if previous == 0x0D && b == 0x0A { hasCRLF = true }
                previous = b
            }
        }
        if !hasSpace || (isNormal && previous != 0x20) { return phrase }
        if isASCII && !hasCRLF {
            var out: [UInt8] = []
            out.reserveCapacity(phrase.utf8.count)
            var pendingSpace = false
            for b in phrase.utf8 {
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace {
                        out.append(0x20)
                        pendingSpace = false
                    }
                    out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return phrase.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
