import ChaffText
import Foundation

/// A JSON Schema validator for the keywords of draft-04 and draft-07 that the vendored schemas
/// use, so the report formats are checked against their official schemas with nothing but the
/// clone (no Python package, no file outside the repository).
///
/// A keyword it does not know is an error, never ignored: a schema that starts using one makes
/// the tests fail loudly instead of passing without checking it.
struct JSONSchemaValidator {
    /// A schema that uses something this validator does not implement.
    struct UnsupportedSchema: Error, CustomStringConvertible {
        var description: String
    }

    private let root: JSONNode
    /// Draft-04 writes `exclusiveMinimum` as a boolean beside `minimum`; draft-06 on as a number.
    private let draft04: Bool

    // Keywords that only annotate: they never make a document invalid.
    private static let annotations: Set<String> = [
        "$schema", "id", "$id", "title", "description", "default", "definitions", "examples", "$comment",
    ]
    private static let assertions: Set<String> = [
        "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "patternProperties",
        "items", "minItems", "maxItems", "uniqueItems", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minLength", "maxLength", "pattern", "format", "anyOf", "oneOf", "allOf", "not",
    ]

    /// A validator for the schema in `bytes`.
    init(schema bytes: [UInt8]) throws {
        root = try JSONParser.parse(bytes)
        draft04 = root.member("$schema")?.stringValue?.contains("draft-04") ?? false
    }

    /// Every violation in `document`, as `path: message`, in document order; empty when valid.
    func violations(of document: JSONNode) throws -> [String] {
        var found: [String] = []
        try check(document, against: root, at: "", into: &found)
        return found
    }

    private func check(_ value: JSONNode, against schema: JSONNode, at path: String, into found: inout [String]) throws {
        guard case .object(let members) = schema.value else {
            if case .bool(let allowed) = schema.value {
                if !allowed { found.append("\(display(path)): no value is allowed here") }
                return
            }
            throw UnsupportedSchema(description: "schema at byte \(schema.offset) is \(schema.typeName)")
        }
        for member in members {
            if Self.annotations.contains(member.key) { continue }
            guard Self.assertions.contains(member.key) else {
                throw UnsupportedSchema(description: "keyword '\(member.key)' at byte \(member.keyOffset) is not implemented")
            }
            try apply(member.key, member.value, in: schema, to: value, at: path, into: &found)
        }
    }

    private func apply(
        _ keyword: String, _ argument: JSONNode, in schema: JSONNode, to value: JSONNode, at path: String,
        into found: inout [String]
    ) throws {
        switch keyword {
        case "$ref":
            try check(value, against: try resolve(argument), at: path, into: &found)
        case "type":
            let names = argument.arrayValue?.compactMap(\.stringValue) ?? [argument.stringValue ?? ""]
            if !names.contains(where: { has(value, type: $0) }) {
                found.append("\(display(path)): \(value.typeName) is not of type \(names.joined(separator: " or "))")
            }
        case "enum":
            if !(argument.arrayValue ?? []).contains(where: { equal($0, value) }) {
                found.append("\(display(path)): \(describe(value)) is not one of the allowed values")
            }
        case "const":
            if !equal(argument, value) { found.append("\(display(path)): \(describe(value)) is not \(describe(argument))") }
        case "properties", "patternProperties", "additionalProperties":
            // The three are one check: a member is covered by a named property, by a pattern, or
            // falls to additionalProperties; done once, when the first of them is met.
            guard case .object(let members) = value.value, isFirstPropertyKeyword(keyword, in: schema) else { return }
            try checkMembers(members, schema: schema, at: path, into: &found)
        case "required":
            guard case .object(let members) = value.value else { return }
            for name in argument.arrayValue?.compactMap(\.stringValue) ?? [] where !members.contains(where: { $0.key == name }) {
                found.append("\(display(path)): required property '\(name)' is missing")
            }
        case "items":
            guard case .array(let elements) = value.value else { return }
            if case .array(let positional) = argument.value {
                for (index, element) in elements.enumerated() where index < positional.count {
                    try check(element, against: positional[index], at: "\(path)/\(index)", into: &found)
                }
            } else {
                for (index, element) in elements.enumerated() {
                    try check(element, against: argument, at: "\(path)/\(index)", into: &found)
                }
            }
        case "minItems", "maxItems":
            guard case .array(let elements) = value.value, let bound = argument.numberValue else { return }
            if keyword == "minItems" ? Double(elements.count) < bound : Double(elements.count) > bound {
                found.append("\(display(path)): \(elements.count) items, \(keyword) is \(format(bound))")
            }
        case "uniqueItems":
            guard case .array(let elements) = value.value, argument.boolValue == true else { return }
            for (index, element) in elements.enumerated() where elements[..<index].contains(where: { equal($0, element) }) {
                found.append("\(path)/\(index): duplicate item")
            }
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
            try checkBound(keyword, argument, in: schema, value: value, at: path, into: &found)
        case "minLength", "maxLength":
            guard let text = value.stringValue, let bound = argument.numberValue else { return }
            let length = Double(text.unicodeScalars.count)
            if keyword == "minLength" ? length < bound : length > bound {
                found.append("\(display(path)): length \(format(length)), \(keyword) is \(format(bound))")
            }
        case "pattern":
            guard let text = value.stringValue, let pattern = argument.stringValue else { return }
            let regex = try NSRegularExpression(pattern: pattern)
            if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                found.append("\(display(path)): \(describe(value)) does not match /\(pattern)/")
            }
        case "format":
            guard let text = value.stringValue, let name = argument.stringValue else { return }
            if !Self.satisfies(text, format: name) {
                found.append("\(display(path)): \(describe(value)) is not a valid \(name)")
            }
        case "anyOf", "oneOf":
            let branches = argument.arrayValue ?? []
            var matching = 0
            for branch in branches {
                var inner: [String] = []
                try check(value, against: branch, at: path, into: &inner)
                if inner.isEmpty { matching += 1 }
            }
            if matching == 0 || (keyword == "oneOf" && matching > 1) {
                found.append("\(display(path)): \(matching) of the \(keyword) branches match")
            }
        case "allOf":
            for branch in argument.arrayValue ?? [] { try check(value, against: branch, at: path, into: &found) }
        case "not":
            var inner: [String] = []
            try check(value, against: argument, at: path, into: &inner)
            if inner.isEmpty { found.append("\(display(path)): matches a schema it must not match") }
        default:
            throw UnsupportedSchema(description: "keyword '\(keyword)' is not implemented")
        }
    }

    private func isFirstPropertyKeyword(_ keyword: String, in schema: JSONNode) -> Bool {
        let keys = ["properties", "patternProperties", "additionalProperties"]
        return schema.objectMembers.first(where: { keys.contains($0.key) })?.key == keyword
    }

    private func checkMembers(_ members: [JSONNode.Member], schema: JSONNode, at path: String, into found: inout [String]) throws {
        let named = schema.member("properties")?.objectMembers ?? []
        let patterns = try (schema.member("patternProperties")?.objectMembers ?? []).map {
            (try NSRegularExpression(pattern: $0.key), $0.value)
        }
        let additional = schema.member("additionalProperties")
        for member in members {
            let memberPath = "\(path)/\(member.key)"
            var covered = false
            if let property = named.first(where: { $0.key == member.key }) {
                covered = true
                try check(member.value, against: property.value, at: memberPath, into: &found)
            }
            let key = member.key
            for (regex, subschema) in patterns where regex.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)) != nil {
                covered = true
                try check(member.value, against: subschema, at: memberPath, into: &found)
            }
            if !covered, let additional {
                if case .bool(let allowed) = additional.value {
                    if !allowed { found.append("\(display(path)): property '\(member.key)' is not allowed") }
                } else {
                    try check(member.value, against: additional, at: memberPath, into: &found)
                }
            }
        }
    }

    private func checkBound(
        _ keyword: String, _ argument: JSONNode, in schema: JSONNode, value: JSONNode, at path: String,
        into found: inout [String]
    ) throws {
        guard let number = value.numberValue else { return }
        if draft04, keyword.hasPrefix("exclusive") { return }  // a flag on minimum/maximum, read there
        guard let bound = argument.numberValue else {
            throw UnsupportedSchema(description: "'\(keyword)' at byte \(argument.offset) is not a number")
        }
        let isMinimum = keyword.hasSuffix("inimum")
        let exclusive =
            keyword.hasPrefix("exclusive")
            || (draft04 && schema.member(isMinimum ? "exclusiveMinimum" : "exclusiveMaximum")?.boolValue == true)
        let violates =
            isMinimum ? (exclusive ? number <= bound : number < bound) : (exclusive ? number >= bound : number > bound)
        if violates { found.append("\(display(path)): \(format(number)) is out of range (\(keyword) \(format(bound)))") }
    }

    private func resolve(_ reference: JSONNode) throws -> JSONNode {
        guard let text = reference.stringValue, text.hasPrefix("#") else {
            throw UnsupportedSchema(description: "only local references are implemented, not \(describe(reference))")
        }
        var node = root
        for part in text.dropFirst().split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = node.member(key) else {
                throw UnsupportedSchema(description: "reference \(text) leads nowhere")
            }
            node = next
        }
        return node
    }

    private func has(_ value: JSONNode, type name: String) -> Bool {
        switch (name, value.value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number):
            return true
        case ("integer", .number(let number)):
            return number.rounded() == number
        default:
            return false
        }
    }

    private func equal(_ a: JSONNode, _ b: JSONNode) -> Bool {
        switch (a.value, b.value) {
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count
                && x.allSatisfy { member in y.contains { $0.key == member.key && equal($0.value, member.value) } }
        default: return false
        }
    }

    /// The formats the vendored schemas name. The checks follow RFC 3986 (a URI has a scheme, a
    /// URI reference has no white space) and RFC 3339 (date-time).
    static func satisfies(_ text: String, format: String) -> Bool {
        switch format {
        case "uri":
            return text.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$"#, options: .regularExpression) != nil
        case "uri-reference":
            return text.range(of: #"^[^\s]*$"#, options: .regularExpression) != nil
        case "date-time":
            let pattern = #"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#
            return text.range(of: pattern, options: .regularExpression) != nil
        default:
            return true  // JSON Schema makes unknown formats annotations
        }
    }

    private func display(_ path: String) -> String { path.isEmpty ? "<root>" : path }

    private func format(_ number: Double) -> String {
        number.rounded() == number ? String(Int(number)) : String(number)
    }

    private func describe(_ node: JSONNode) -> String {
        if let text = node.stringValue { return "'\(text)'" }
        if let number = node.numberValue { return format(number) }
        return node.typeName
    }
}

extension JSONNode {
    fileprivate var stringValue: String? { if case .string(let s) = value { s } else { nil } }
    fileprivate var numberValue: Double? { if case .number(let n) = value { n } else { nil } }
    fileprivate var boolValue: Bool? { if case .bool(let b) = value { b } else { nil } }
    fileprivate var arrayValue: [JSONNode]? { if case .array(let a) = value { a } else { nil } }
    fileprivate var objectMembers: [JSONNode.Member] { if case .object(let m) = value { m } else { [] } }
    fileprivate func member(_ key: String) -> JSONNode? { objectMembers.first { $0.key == key }?.value }
}
