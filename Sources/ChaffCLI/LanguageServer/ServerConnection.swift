import ChaffRunner
import ChaffText
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The server's side of the stream: framed messages out (one writer at a time), and the
/// requests still waiting for an answer, so that a `$/cancelRequest` read while one waits can
/// cancel it.
final class ServerConnection: @unchecked Sendable {
    private let output: Int32
    private let lock = NSLock()
    private var pending: Set<RequestID> = []
    private var cancelled: Set<RequestID> = []
    private var outputBroken = false

    init(output: Int32) { self.output = output }

    /// Sends one message.
    func send(_ message: JSONOutput) {
        let frame = MessageFraming.frame(Array(message.serialized().utf8))
        lock.withLock {
            guard !outputBroken else { return }
            if FileDescriptorWriter.writeAll(output, frame) != 0 { outputBroken = true }
        }
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: JSONOutput) {
        send(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    /// Answers request `id`.
    func respond(_ id: RequestID, result: JSONOutput) {
        finish(id)
        send(.object([("jsonrpc", .string("2.0")), ("id", id.json), ("result", result)]))
    }

    /// Answers request `id` (nil when the request's id could not be read) with an error.
    func respond(_ id: RequestID?, error: RPCError) {
        if let id { finish(id) }
        send(
            .object([
                ("jsonrpc", .string("2.0")), ("id", id?.json ?? .null),
                ("error", .object([("code", .int(error.code)), ("message", .string(error.message))])),
            ]))
    }

    /// A request was read and waits for its answer.
    func received(_ id: RequestID) { lock.withLock { _ = pending.insert(id) } }

    /// The client no longer wants the answer to `id`; ignored when it has been answered.
    func cancel(_ id: RequestID) {
        lock.withLock {
            if pending.contains(id) { cancelled.insert(id) }
        }
    }

    /// Whether the client cancelled `id`.
    func isCancelled(_ id: RequestID) -> Bool { lock.withLock { cancelled.contains(id) } }

    private func finish(_ id: RequestID) {
        lock.withLock {
            pending.remove(id)
            cancelled.remove(id)
        }
    }
}
