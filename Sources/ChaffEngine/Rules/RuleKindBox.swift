import ChaffText
import Foundation

/// Holds a rule's kind, built either at load or on first use.
///
/// Building a kind can be expensive (the claim rules compile some 1,700 phrases), and a run
/// usually needs only some of the built-in rules: the others are off by default or deselected.
/// Built-in rule files are validated by the test suite, so their options may be decoded late;
/// user rule files are always decoded at load so that their mistakes are reported with
/// positions. Documents are linted on several threads, hence the lock.
package final class RuleKindBox: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock` until `built` is set; never changes afterwards.
    private var built: (any RuleKind)?
    private let type: any RuleKind.Type
    private let options: JSONNode?
    private let origin: String

    /// A box holding the already built `kind`.
    package init(_ kind: any RuleKind) {
        built = kind
        type = Swift.type(of: kind)
        options = nil
        origin = ""
    }

    /// A box that decodes `options` into a `type` when the kind is first needed.
    package init(deferring type: any RuleKind.Type, options: JSONNode, origin: String) {
        self.type = type
        self.options = options
        self.origin = origin
    }

    /// The kind's type, known without building it.
    var kindType: any RuleKind.Type { type }

    /// The kind, built now if it was deferred.
    var kind: any RuleKind {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let made = Self.build(type, options: options!, origin: origin)
        built = made
        return made
    }

    private static func build(_ type: any RuleKind.Type, options node: JSONNode, origin: String) -> any RuleKind {
        do {
            var options = try ObjectReader(node, path: "options")
            let kind = try type.init(options: &options)
            try options.finish()
            return kind
        } catch {
            // Only built-in rules are deferred, and the tests load each of them eagerly.
            fatalError("\(origin): built-in rule options are invalid at offset \(error.offset): \(error.message)")
        }
    }
}
