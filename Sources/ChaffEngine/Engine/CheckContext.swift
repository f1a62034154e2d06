import ChaffText
import Foundation
import Synchronization

/// What a rule kind sees of one document: the bytes of each scope, and views of them that are
/// costly to build and shared by every rule that needs them (built at most once per document).
///
/// The engine makes one context per rule and document: what differs between rules (the scope
/// the rule reads, its regular-expression budget) is fixed when the context is made, and the
/// contexts of one document share one `DerivedValues`, so a value is built once per document
/// even when several rules check one large document on several threads
/// (`Linter.lint(_:workers:)`).
public final class CheckContext {
    /// The document being checked.
    public let document: Document
    /// The scope the rule reads (its rule file's `scope`).
    public let scope: Scope
    /// The time the rule's regular expressions have on this document, counted from the first
    /// time the rule asks for it.
    public var regexBudget: RegexBudget {
        budget.withLock { made in
            if let made { return made }
            let budget = RegexBudget(seconds: regexSeconds)
            made = budget
            return budget
        }
    }

    /// Whether the rule's regular expressions ran out of time (false when it never asked for a
    /// budget).
    var regexBudgetWasExhausted: Bool { budget.withLock { $0?.wasExhausted ?? false } }

    /// Drops the budget, so that the next rule to read this context starts with a full one.
    func renewRegexBudget() { budget.withLock { $0 = nil } }

    /// Made when first asked for: most rules use no regular expression, and a budget made for
    /// every rule and document (an object and a clock reading) cost more than some rules'
    /// work on a short file.
    private let budget = Mutex<RegexBudget?>(nil)
    private let regexSeconds: Double
    /// The threads checking this document: a rule whose work on a large document splits into
    /// independent pieces may spread them over as many (a thread that has finished its own
    /// rules then takes pieces of a long one). 1 means the rule must stay on its thread.
    package let workers: Int

    /// A context over `document` for a rule that reads `scope`.
    public convenience init(document: Document, scope: Scope = .prose, regexSeconds: Double = 5) {
        self.init(document: document, scope: scope, regexSeconds: regexSeconds, shared: DerivedValues())
    }

    /// A context over `document` for a rule that reads `scope`, sharing derived values with the
    /// other contexts of `shared`.
    init(document: Document, scope: Scope, regexSeconds: Double, shared: DerivedValues, workers: Int = 1) {
        self.document = document
        self.scope = scope
        self.workers = max(1, workers)
        self.regexSeconds = regexSeconds
        self.shared = shared
    }

    /// The bytes of `scope`: as long as the source, with everything outside the scope blanked.
    public func bytes(for scope: Scope) -> [UInt8] { document.bytes(for: scope) }

    /// Values derived from the document that several rules read.
    private let shared: DerivedValues

    /// The value under `key`, made by `make` the first time any rule asks for it in this
    /// document: the gloss rules all read the same glosses, which cost more to find than to
    /// judge.
    public func derived<Value>(_ key: DerivedKey<Value>, _ make: () -> Value) -> Value {
        shared.value(key, make)
    }

    /// The scope as a UTF-16 string with a map back to byte offsets, for regular expressions.
    public func regexText(for scope: Scope) -> RegexText {
        shared.value(DerivedKey<RegexText>.regexText(scope)) { RegexText(bytes(for: scope)) }
    }
}

/// The derived values of one document, by key, safe to share between the threads that check
/// it: each value is made once, by the first thread that asks; a thread asking for it
/// meanwhile waits for it rather than making it again. A value's `make` may ask for other keys
/// (the gloss rules' glosses are made from the parenthesised ones), never for its own.
///
/// A document has a handful of keys and most documents are short, so the keys are kept in a
/// list searched in order, and the locks are made only when threads share the values: a
/// dictionary of locked entries cost more than the rules' own work on a short file.
final class DerivedValues: @unchecked Sendable {
    private class Entry {
        let identity: DerivedKeyIdentity
        let family: String?
        /// Held while the value is made; nil when one thread reads the values.
        let making: NSLock?

        init(_ identity: DerivedKeyIdentity, family: String?, locked: Bool) {
            self.identity = identity
            self.family = family
            making = locked ? NSLock() : nil
        }
    }

    private final class TypedEntry<Value>: Entry {
        var value: Value?
    }

    /// Guards `entries`; nil when one thread reads the values.
    private let lock: NSLock?
    private var entries: [Entry] = []

    /// Values for one thread (`threads` 1) or for several at once.
    init(threads: Int = 2) {
        lock = threads > 1 ? NSLock() : nil
    }

    func value<Value>(_ key: DerivedKey<Value>, _ make: () -> Value) -> Value {
        let identity = key.identity
        lock?.lock()
        let entry =
            entries.first { $0.identity == identity }
            ?? {
                let entry = TypedEntry<Value>(identity, family: key.family, locked: lock != nil)
                entries.append(entry)
                return entry
            }()
        lock?.unlock()
        // The identity holds the value's type, so the entry found is of this type.
        let typed = unsafeDowncast(entry, to: TypedEntry<Value>.self)
        typed.making?.lock()
        defer { typed.making?.unlock() }
        if let cached = typed.value { return cached }
        let value = make()
        typed.value = value
        return value
    }

    /// Forgets the values of `family` (`DerivedKey.family`); a later request makes them again.
    /// Only while one thread reads the values: another may be reading them.
    func drop(family: String) {
        precondition(lock == nil, "derived values shared by threads are kept until the document is done")
        entries.removeAll { $0.family == family }
    }
}

/// The name of a value derived from a document (`CheckContext.derived`) and the type of that
/// value: two rules that ask for one key share one value, and a key cannot be asked for as
/// another type. The name must say everything the value depends on besides the document (the
/// scope it was made from, say).
public struct DerivedKey<Value>: Sendable {
    /// What the value is, unique among keys of this value type.
    public let name: String
    /// The rule kinds that read the value, as they name themselves (`RuleKind.derivedFamily`),
    /// or nil: a family's values are dropped after the last rule that reads them, where one
    /// thread checks the document (`Linter`); nil keeps the value until the document is done.
    public let family: String?

    /// The key named `name` for values of type `Value`, read by the rules of `family`.
    public init(_ name: String, family: String? = nil) {
        self.name = name
        self.family = family
    }

    /// The name and the value type: equal names of different types are different keys.
    var identity: DerivedKeyIdentity { DerivedKeyIdentity(name: name, type: ObjectIdentifier(Value.self)) }
}

extension DerivedKey where Value == RegexText {
    /// The UTF-16 text of `scope` for regular expressions.
    static func regexText(_ scope: Scope) -> DerivedKey { DerivedKey("regexText.\(scope.rawValue)") }
}

/// What tells derived values apart: a key's name and its value type.
struct DerivedKeyIdentity: Hashable {
    let name: String
    let type: ObjectIdentifier
}
