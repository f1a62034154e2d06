import ChaffEngine
import ChaffReporters
import ChaffText
import Dispatch

/// One file (or standard input) to lint.
package struct LintInput: Sendable {
    /// Where to read it; `nil` when `bytes` are given.
    package var openPath: String?
    /// The path's bytes, when they are not valid UTF-8 (then `openPath` only shows them).
    package var rawPath: [UInt8]? = nil
    /// How it is reported.
    package var shownPath: String
    /// Its document format.
    package var format: String
    /// The locale the configuration gives its path, or nil.
    package var locale: String? = nil
    /// Whether the user named it.
    package var named: Bool
    /// Content already read (standard input).
    package var bytes: [UInt8]?
    /// Which of the run's linters lints it (the one of its nearest config).
    package var linter = 0
    /// With `--diff-lines`: the lines whose findings are reported; `nil` reports all.
    package var changedLines: ChangedLines? = nil
    /// With `--cache`: the digest of how it is linted (`CacheSettings`); `nil` when not cached.
    package var cacheSettings: UInt64? = nil
    /// Whether another input is shown with the same path (a file named twice): their findings
    /// are merged before they are rendered, so a worker must not render this one's alone.
    package var sharesPath = false

    /// An input read from `openPath` (or given as `bytes`), shown as `shownPath`.
    package init(
        openPath: String?, rawPath: [UInt8]? = nil, shownPath: String, format: String, named: Bool, bytes: [UInt8]?,
        linter: Int = 0, changedLines: ChangedLines? = nil
    ) {
        self.openPath = openPath
        self.rawPath = rawPath
        self.shownPath = shownPath
        self.format = format
        self.named = named
        self.bytes = bytes
        self.linter = linter
        self.changedLines = changedLines
    }
}

/// How workers render each file's part of a streamed report (see `LintRunner.run`).
package struct PartRenderer {
    /// The part for a file's findings, in UTF-8.
    package var part: ([Diagnostic]) -> [UInt8]
    /// Appends the line of one finding stored by the cache to the part being built, given the
    /// file's path as the part shows it; `nil` when the format needs whole diagnostics.
    package var storedLine: ((StoredFinding, _ escapedPath: [UInt8], _ out: inout [UInt8]) -> Void)?

    /// A renderer writing parts with `part`, and stored findings with `storedLine`.
    package init(
        part: @escaping ([Diagnostic]) -> [UInt8],
        storedLine: ((StoredFinding, _ escapedPath: [UInt8], _ out: inout [UInt8]) -> Void)? = nil
    ) {
        self.part = part
        self.storedLine = storedLine
    }
}

/// What linting one input gave.
package enum LintResult: Sendable {
    /// The findings (after fixing, those that remain), how many fixes were written, and the
    /// encoding the file was read in when it is not UTF-8.
    case diagnostics([Diagnostic], fixed: Int, decodedFrom: SourceEncoding? = nil)
    /// Findings the cache had stored, already rendered as the file's part of the report (no
    /// diagnostics made): how many, the most severe, and the encoding the file was read in.
    case rendered(part: [UInt8], count: Int, worst: Severity?, decodedFrom: SourceEncoding?)
    /// The file's encoding cannot be decided and no `encoding` rule runs to say so: not linted.
    case undecodable(reason: String)
    /// `--fix` could not write the file; the findings are as linted.
    case fixFailed([Diagnostic], reason: String)
    case unreadable(String)
    case binary
    /// Not linted: the run was stopped first.
    case notRun
}

/// Lints inputs on several threads. Each worker reads, lints and drops one file at a time, and
/// each file's result is handed on as soon as it and every file before it are done, so memory
/// holds only the files in flight and the results not yet in order.
package enum LintRunner {
    /// Lints `inputs` in the sequence `order` (indices into `inputs`; all of them in their own
    /// order by default), each with `linters[input.linter]`, fixing files when `fix` is set, and calls `deliver` with each input's
    /// index and result in that sequence, one call at a time. `shouldStop` is asked before each
    /// file; once it says yes the remaining inputs are not linted and not delivered (nobody is
    /// reading the report any more). With `showSource`, each diagnostic carries its source line.
    /// `render`, when given, turns each input's findings into its part of the report on the
    /// worker that linted it, and `deliver` gets that part too: rendering one thread at a time
    /// in delivery order would bound a run whose findings come from the cache.
    package static func run(
        _ inputs: [LintInput], order: [Int]? = nil, linters: [Linter], jobs: Int?, fix: Bool = false, showSource: Bool = false,
        cache: ResultCache? = nil, shouldStop: () -> Bool = { false }, render: PartRenderer? = nil,
        deliver: (Int, LintResult, [UInt8]?) -> Void
    ) {
        let sequence = order ?? Array(inputs.indices)
        let requested = max(1, jobs ?? ProcessInfoCores.count)
        let workers = min(requested, max(1, sequence.count))
        // Fewer files than threads: the threads left over check each large file's rules side
        // by side (one 100 MB file otherwise uses one core).
        let perFile = max(1, requested / max(1, sequence.count))
        let next = AtomicCounter()
        withoutActuallyEscaping(shouldStop) { shouldStop in
            withoutActuallyEscaping(deliver) { deliver in
                let stop = UncheckedSendable(shouldStop)
                let renderer = UncheckedSendable(render)
                let delivery = OrderedDelivery<(LintResult, [UInt8]?)>(count: sequence.count) { deliver(sequence[$0], $1.0, $1.1) }
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while true {
                        let k = next.increment()
                        guard k < sequence.count, !stop.value() else { return }
                        let input = inputs[sequence[k]]
                        let result = lint(
                            input, linter: linters[input.linter], fix: fix, showSource: showSource, workers: perFile, cache: cache,
                            storedLine: renderer.value?.storedLine)
                        delivery.finish(k, (result, renderer.value.flatMap { Self.rendered(result, $0.part) }))
                    }
                }
            }
        }
    }

    /// The part of the report for `input` written straight from the cache entry its `stamp`
    /// finds, with `storedLine`; `nil` when there is no such entry.
    private static func renderedFromCache(
        _ input: LintInput, stamp: String, settings: UInt64, cache: ResultCache,
        _ storedLine: (StoredFinding, [UInt8], inout [UInt8]) -> Void
    ) -> LintResult? {
        let escapedPath = Array(TerminalSafe.escape(input.shownPath).utf8)
        var part: [UInt8] = []
        var worst: Severity?
        let found = cache.lookup(path: input.shownPath, settings: settings, stamp: stamp) { finding in
            storedLine(finding, escapedPath, &part)
            part.append(0x0A)
            if worst.map({ finding.severity > $0 }) ?? true { worst = finding.severity }
        }
        guard let found else { return nil }
        return .rendered(part: part, count: found.count, worst: worst, decodedFrom: found.decodedFrom)
    }

    /// The report part of `result`'s findings, for the results that have findings to report
    /// (a result rendered from the cache is its own part).
    private static func rendered(_ result: LintResult, _ render: ([Diagnostic]) -> [UInt8]) -> [UInt8]? {
        switch result {
        case .diagnostics(let found, _, _), .fixFailed(let found, _): return render(found)
        default: return nil
        }
    }

    /// Files at least this large are checked by `workers` threads at once when the run has
    /// threads to spare; below it, starting threads costs more than it saves.
    static let parallelFileBytes = 1 << 20

    /// Lints one input; a file of at least `parallelFileBytes` is checked by `workers` threads.
    /// With `cache`, an input whose bytes and settings match an entry is not linted: the
    /// entry's findings are its result (unless `fix` would have something to fix in them), and
    /// a linted input's findings are stored. `input.changedLines` then filters the findings.
    /// With `storedLine` (a format whose lines can be written from stored findings), a file
    /// found by its stamp is reported as `.rendered`, its lines written straight from its entry,
    /// unless it shares its shown path or `fix` may have work to do.
    static func lint(
        _ input: LintInput, linter: Linter, fix: Bool, showSource: Bool = false, workers: Int = 1, cache: ResultCache? = nil,
        storedLine: ((StoredFinding, [UInt8], inout [UInt8]) -> Void)? = nil
    ) -> LintResult {
        // The cache knows a file by its own bytes; a catalogue paired with a source file beside
        // it would be stale when only that file changes, so it is always linted.
        let cache = DocumentFormat(rawValue: input.format)?.readsSourceFile == true ? nil : cache
        let (stamp, stampHit) = lookupByStamp(input, fix: fix, showSource: showSource, cache: cache, storedLine: storedLine)
        if let stampHit { return stampHit }
        let bytes: [UInt8]
        switch read(input, workers: workers) {
        case .success(let read): bytes = read
        case .failure(let error): return .unreadable(error.reason)
        }
        var key: CacheKey?
        if let cache, let settings = input.cacheSettings {
            var found = cache.key(path: input.shownPath, settings: settings, content: bytes)
            found.stamp = stamp
            key = found
            if let hit = cache.lookup(found), !(fix && hit.diagnostics.contains { $0.fix != nil }) {
                // Found by its bytes with a settled stamp the entry does not have yet: store it
                // again with the stamp, so that the next run need not read the file.
                if stamp != nil { cache.store(hit, under: found) }
                var diagnostics = hit.diagnostics
                if showSource { SourceExcerpt.attach(&diagnostics, text: sourceText(bytes, input: input, linter: linter)) }
                return filtered(.diagnostics(diagnostics, fixed: 0, decodedFrom: hit.decodedFrom), input: input, bytes: bytes)
            }
        }
        /// Keeps a fresh result for the next run; not one a regex budget cut short, which
        /// another run may finish.
        func remember(_ diagnostics: [Diagnostic], _ encoding: SourceEncoding?) {
            guard let cache, let key, !diagnostics.contains(where: { $0.ruleID == Linter.timeoutRuleID }) else { return }
            cache.store(CachedResult(diagnostics: diagnostics, decodedFrom: encoding), under: key)
        }
        let result = lintFresh(bytes, input: input, linter: linter, fix: fix, showSource: showSource, workers: workers, remember: remember)
        return filtered(result, input: input, bytes: bytes)
    }

    /// Looks `input` up in `cache` by its file stamp, before reading it: a file whose stamp is
    /// what it was when its entry was made is not read at all (unless its excerpts or changed
    /// lines need its text). Returns the stamp, which the entry made after reading is stored
    /// under, and the result when the entry settles it.
    private static func lookupByStamp(
        _ input: LintInput, fix: Bool, showSource: Bool, cache: ResultCache?,
        storedLine: ((StoredFinding, [UInt8], inout [UInt8]) -> Void)?
    ) -> (stamp: String?, result: LintResult?) {
        guard let cache, let settings = input.cacheSettings, input.bytes == nil, let path = input.openPath, input.rawPath == nil,
            !showSource, input.changedLines == nil, let stamp = FileStamp.of(path)
        else { return (nil, nil) }
        if let storedLine, !fix, !input.sharesPath {
            // A miss here is a miss by stamp too: the content lookup after reading decides.
            return (stamp, renderedFromCache(input, stamp: stamp, settings: settings, cache: cache, storedLine))
        }
        if let hit = cache.lookup(path: input.shownPath, settings: settings, stamp: stamp),
            !(fix && hit.diagnostics.contains { $0.fix != nil })
        {
            return (stamp, .diagnostics(hit.diagnostics, fixed: 0, decodedFrom: hit.decodedFrom))
        }
        return (stamp, nil)
    }

    /// The bytes of `input`: given, or read from its raw or opened path.
    private static func read(_ input: LintInput, workers: Int) -> Result<[UInt8], FileReader.Failure> {
        if let given = input.bytes { return .success(given) }
        do {
            if let raw = input.rawPath { return .success(try FileReader.read(rawPath: raw, workers: workers)) }
            return .success(try FileReader.read(input.openPath!, workers: workers))
        } catch {
            return .failure(error)
        }
    }

    /// `result` with only the findings on `input.changedLines` (`--diff-lines`, never with
    /// `--fix`, so `bytes` are the text the findings were made in).
    private static func filtered(_ result: LintResult, input: LintInput, bytes: [UInt8]) -> LintResult {
        guard let changed = input.changedLines, case .diagnostics(let found, let fixed, let encoding) = result else { return result }
        return .diagnostics(changed.keep(found, in: bytes), fixed: fixed, decodedFrom: encoding)
    }

    /// The UTF-8 text of the file that holds `input`'s source strings (an Android `values/` file,
    /// an `en.lproj` `.stringsdict`, the `en.json` beside `zh-TW.json`:
    /// `DocumentFormat.sourceFileCandidates`), found beside the file as opened, or beside the
    /// path it is shown as (`--stdin-filename`); nil when its format has none or none can be read.
    static func sourceFile(for input: LintInput) -> [UInt8]? {
        guard input.rawPath == nil, let format = DocumentFormat(rawValue: input.format), format.readsSourceFile else { return nil }
        return SourceFileReader.text(forPath: input.openPath ?? input.shownPath, format: format)
    }

    /// The UTF-8 text whose lines a cached result's source excerpts show: what the document
    /// would have been made from.
    private static func sourceText(_ bytes: [UInt8], input: LintInput, linter: Linter) -> [UInt8] {
        switch SourceDecoder.decode(bytes) {
        case .utf8(let valid) where valid: return bytes
        case .decoded(let text, _): return text
        default:
            return DocumentMaker.document(
                path: input.shownPath, source: bytes, format: input.format, scopes: linter.scopes, locale: input.locale
            ).masked.source
        }
    }

    /// Lints `bytes`, telling `remember` the findings of the bytes as read (before any fix).
    private static func lintFresh(
        _ bytes: [UInt8], input: LintInput, linter: Linter, fix: Bool, showSource: Bool, workers: Int,
        remember: ([Diagnostic], SourceEncoding?) -> Void
    ) -> LintResult {
        let document: Document
        let sourceFile = sourceFile(for: input)
        // A large file is masked and checked by the threads the run has to spare.
        let threads = bytes.count >= parallelFileBytes ? workers : 1
        switch SourceDecoder.decode(bytes, workers: threads) {
        case .binary:
            return .binary
        case .undecidable(let reason):
            let found = linter.undecodable(path: input.shownPath, reason: reason)
            if found.isEmpty { return .undecodable(reason: reason) }
            remember(found, nil)
            return .diagnostics(found, fixed: 0)
        case .utf8(let valid):
            if valid {
                document = DocumentMaker.document(
                    path: input.shownPath, text: bytes, origin: nil, format: input.format, scopes: linter.scopes, locale: input.locale,
                    sourceFile: sourceFile, workers: threads)
            } else {
                document = DocumentMaker.document(
                    path: input.shownPath, source: bytes, format: input.format, scopes: linter.scopes, locale: input.locale,
                    sourceFile: sourceFile, workers: threads)
            }
        case .decoded(let text, let origin):
            document = DocumentMaker.document(
                path: input.shownPath, text: text, origin: origin, format: input.format, scopes: linter.scopes, locale: input.locale,
                sourceFile: sourceFile, workers: threads)
        }
        var diagnostics = linter.lint(document, workers: threads)
        let encoding = document.origin?.encoding
        remember(diagnostics, encoding)
        guard fix, let path = input.openPath, diagnostics.contains(where: { $0.fix != nil }) else {
            if showSource { SourceExcerpt.attach(&diagnostics, text: document.masked.source) }
            return .diagnostics(diagnostics, fixed: 0, decodedFrom: encoding)
        }
        return FileFixer.fix(
            path: path, original: bytes, diagnostics: diagnostics, input: input, linter: linter, encoding: encoding,
            sourceText: showSource ? document.masked.source : nil)
    }
}

/// `--fix` for one file: apply, re-lint until stable, and write only if the file is unchanged
/// since it was read.
package enum FileFixer {
    // Fixes can uncover or create others (rare); a few rounds reach a fixed point.
    package static let maximumRounds = 4

    /// Fixes the file at `path` whose bytes were `original`; `encoding` is the encoding it was
    /// read in when not UTF-8: each replacement is then written in that encoding in place of the
    /// bytes it replaces (the rest of the file is not re-encoded), and a replacement that
    /// encoding cannot hold leaves the file untouched and fails.
    /// `sourceText`, the text as first linted, is given when diagnostics must carry their source
    /// lines (`--show-source`): the lines shown are those of the text the findings were made in.
    static func fix(
        path: String, original: [UInt8], diagnostics: [Diagnostic], input: LintInput, linter: Linter,
        encoding: SourceEncoding? = nil, sourceText: [UInt8]? = nil
    ) -> LintResult {
        let result = fixUnshown(path: path, original: original, diagnostics: diagnostics, input: input, linter: linter, encoding: encoding)
        guard let sourceText else { return result.result }
        func shown(_ found: [Diagnostic], _ text: [UInt8]) -> [Diagnostic] {
            var found = found
            SourceExcerpt.attach(&found, text: text)
            return found
        }
        switch result.result {
        case .diagnostics(let found, let fixed, let encoding):
            return .diagnostics(shown(found, result.text ?? sourceText), fixed: fixed, decodedFrom: encoding)
        case .fixFailed(let found, let reason):
            return .fixFailed(shown(found, sourceText), reason: reason)
        default:
            return result.result
        }
    }

    /// `fix` without source lines; also returns the UTF-8 text of the last document linted when
    /// it is not the original one.
    private static func fixUnshown(
        path: String, original: [UInt8], diagnostics: [Diagnostic], input: LintInput, linter: Linter, encoding: SourceEncoding?
    ) -> (result: LintResult, text: [UInt8]?) {
        var bytes = original
        var lastText: [UInt8]? = nil
        var current = diagnostics
        var fixed = 0
        for _ in 0..<maximumRounds {
            let next: [UInt8], applied: Int
            do {
                (next, applied) = try FixApplier.apply(current, to: bytes, encoding: encoding ?? .utf8)
            } catch {
                return (
                    .fixFailed(
                        diagnostics,
                        reason:
                            "not fixed: the replacement '\(error.replacement)' cannot be written in \(encoding?.displayName ?? "UTF-8"), the file's encoding"
                    ), nil
                )
            }
            guard applied > 0, next != bytes else { break }
            fixed += applied
            bytes = next
            if let encoding {
                // The same encoding as before: a fix must not make the file read differently.
                guard let (text, origin) = SourceDecoder.decode(bytes, as: encoding) else {
                    return (.fixFailed(diagnostics, reason: "not fixed: the fixed text would not be valid \(encoding.displayName)"), nil)
                }
                current = linter.lint(
                    DocumentMaker.document(
                        path: input.shownPath, text: text, origin: origin, format: input.format, scopes: linter.scopes,
                        locale: input.locale,
                        sourceFile: LintRunner.sourceFile(for: input)))
                lastText = text
            } else {
                current = linter.lint(
                    DocumentMaker.document(
                        path: input.shownPath, source: bytes, format: input.format, scopes: linter.scopes, locale: input.locale,
                        sourceFile: LintRunner.sourceFile(for: input)))
                lastText = bytes
            }
            if !current.contains(where: { $0.fix != nil }) { break }
        }
        guard bytes != original else { return (.diagnostics(current, fixed: 0, decodedFrom: encoding), lastText) }
        // Someone (an editor, another hook) may have saved the file while we worked: never
        // overwrite their change.
        guard let now = try? FileReader.read(path), now == original else {
            return (.fixFailed(diagnostics, reason: "the file changed while chaff was reading it; not fixed"), nil)
        }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            return (.fixFailed(diagnostics, reason: "cannot write the fixed file: \(error.reason)"), nil)
        }
        return (.diagnostics(current, fixed: fixed, decodedFrom: encoding), lastText)
    }
}
