import ChaffText

/// Holds a rule's kind, built either at load or on first use (see `DeferredValue`), with its
/// type known without building it.
package final class RuleKindBox: Sendable {
    private let built: DeferredValue<any RuleKind>
    private let type: any RuleKind.Type

    /// A box holding the already built `kind`.
    package init(_ kind: any RuleKind) {
        built = DeferredValue(kind)
        type = Swift.type(of: kind)
    }

    /// A box that decodes `options` into a `type` when the kind is first needed.
    package init(deferring type: any RuleKind.Type, options: JSONNode, origin: String) {
        self.type = type
        built = DeferredValue(deferring: { Self.build(type, options: options, origin: origin) })
    }

    /// A box for a built-in rule whose options' text has `ContentHash` `textDigest`: when the
    /// kind is first needed, the one compiled into the binary for that text
    /// (`RuleKind.compiledBuiltIn`), else `options` parsed and decoded.
    package init(deferring type: any RuleKind.Type, options: DeferredValue<JSONNode>, textDigest: UInt64, origin: String) {
        self.type = type
        built = DeferredValue(deferring: {
            type.compiledBuiltIn(optionsTextDigest: textDigest) ?? Self.build(type, options: options.value, origin: origin)
        })
    }

    /// The kind's type, known without building it.
    var kindType: any RuleKind.Type { type }

    /// The kind, built now if it was deferred.
    var kind: any RuleKind { built.value }

    /// Whether the kind is built.
    var isBuilt: Bool { built.hasValue }

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
