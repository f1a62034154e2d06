import ChaffText

/// A request id: JSON-RPC allows a number or a string, and the answer must carry it back as sent.
enum RequestID: Hashable, Sendable {
    case number(Int)
    case string(String)

    var json: JSONOutput {
        switch self {
        case .number(let n): .int(n)
        case .string(let s): .string(s)
        }
    }
}

/// One decoded JSON-RPC 2.0 message.
enum RPCMessage {
    /// A request, which must be answered.
    case request(id: RequestID, method: String, params: JSONNode?)
    /// A notification, which is never answered.
    case notification(method: String, params: JSONNode?)
    /// An answer to a request this server sent (such as `client/registerCapability`).
    case response(id: RequestID?)
}

/// A message that cannot be handled: the error to answer with, and the id to answer (nil when
/// it could not be read).
struct DecodeFailure: Error {
    var id: RequestID?
    var error: RPCError
}

/// A JSON-RPC error answer.
struct RPCError: Error {
    var code: Int
    var message: String

    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let serverNotInitialized = -32002
    static let requestCancelled = -32800

    static func invalidParams(_ message: String) -> RPCError { RPCError(code: invalidParams, message: message) }
}

extension RPCMessage {
    /// Decodes one message body. A body that is not JSON is a parse error; JSON that is not a
    /// JSON-RPC 2.0 message is an invalid request. The id of the failed message is returned
    /// with the error when it could be read, so that the answer goes to the right request.
    static func decode(_ body: [UInt8]) -> Result<RPCMessage, DecodeFailure> {
        do {
            return .success(try decoded(body))
        } catch {
            return .failure(error)
        }
    }

    private static func decoded(_ body: [UInt8]) throws(DecodeFailure) -> RPCMessage {
        let root: JSONNode
        do {
            root = try JSONParser.parse(body)
        } catch {
            throw DecodeFailure(
                id: nil, error: RPCError(code: RPCError.parseError, message: "not JSON at byte \(error.offset): \(error.message)"))
        }
        guard case .object = root.value else {
            throw invalid("a message must be a JSON object, found \(root.typeName)", id: nil)
        }
        let id = try requestID(root)
        guard root["jsonrpc"]?.string == "2.0" else { throw invalid("'jsonrpc' must be \"2.0\"", id: id) }
        guard let methodNode = root["method"] else {
            if root["result"] != nil || root["error"] != nil { return .response(id: id) }
            throw invalid("a message needs 'method' (or, for a response, 'result' or 'error')", id: id)
        }
        guard let method = methodNode.string else {
            throw invalid("'method' must be a string, found \(methodNode.typeName)", id: id)
        }
        let params = try self.params(root, id: id)
        if let id { return .request(id: id, method: method, params: params) }
        if root["id"] != nil { throw invalid("a request's 'id' must not be null", id: nil) }
        return .notification(method: method, params: params)
    }

    private static func invalid(_ message: String, id: RequestID?) -> DecodeFailure {
        DecodeFailure(id: id, error: RPCError(code: RPCError.invalidRequest, message: message))
    }

    /// The message's `id`; nil when it has none or it is `null`.
    private static func requestID(_ root: JSONNode) throws(DecodeFailure) -> RequestID? {
        guard let node = root["id"] else { return nil }
        switch node.value {
        case .number(let n) where n == n.rounded() && abs(n) < 9e15: return .number(Int(n))
        case .string(let s): return .string(s)
        case .null: return nil
        default: throw invalid("'id' must be a number or a string, found \(node.typeName)", id: nil)
        }
    }

    private static func params(_ root: JSONNode, id: RequestID?) throws(DecodeFailure) -> JSONNode? {
        // `null` params are taken as none: several clients send them with `shutdown` and `exit`.
        guard let params = root["params"].flatMap({ $0.isNull ? nil : $0 }) else { return nil }
        switch params.value {
        case .object, .array: return params
        default: throw invalid("'params' must be an object or an array, found \(params.typeName)", id: id)
        }
    }
}

/// Reading values out of parsed JSON without a ladder of `switch`es.
extension JSONNode {
    /// The member `key` of an object; nil for a missing key or a non-object.
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// A number that is a whole non-negative integer that fits an `Int`.
    var int: Int? {
        if case .number(let n) = value, n >= 0, n == n.rounded(), n < 9e15 { return Int(n) }
        return nil
    }

    var bool: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    var array: [JSONNode]? {
        if case .array(let a) = value { return a }
        return nil
    }

    var isNull: Bool {
        if case .null = value { return true }
        return false
    }
}
