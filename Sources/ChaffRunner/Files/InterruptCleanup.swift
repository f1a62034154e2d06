import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes the temporary files of writes in progress when the process is interrupted (SIGINT,
/// SIGTERM, SIGHUP), then lets the signal end the process as it would have.
///
/// `AtomicFile` registers each temporary path here before creating the file and unregisters it
/// after the rename, so there is no moment at which an interrupt can leave a temporary behind.
/// Everything the signal handler touches is allocated up front: slots of fixed-size C strings
/// and lock-free atomic states, the only things a handler may safely read.
public enum InterruptCleanup {
    /// Writes that can be protected at the same time; more run unprotected.
    static let capacity = 64
    /// Longest path a slot holds, with its NUL.
    static let pathCapacity = Int(PATH_MAX) + 1

    private static let free = 0, claimed = 1, armed = 2

    /// The slots: a state each and a path buffer each. Allocated once, never freed.
    nonisolated(unsafe) private static let states: UnsafeMutablePointer<Atomic<Int>> = {
        let states = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: capacity)
        for i in 0..<capacity { (states + i).initialize(to: Atomic(free)) }
        return states
    }()
    /// Left unwritten until a slot is claimed, which writes its path and NUL before arming it
    /// (a handler reads armed slots alone): writing zeros to all 256 KB first touched 64 pages
    /// in every run.
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<CChar> = {
        UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathCapacity)
    }()

    /// Installs the handlers for SIGINT, SIGTERM and SIGHUP, except for a signal the process
    /// was told to ignore (`nohup`, a background job): that choice is the caller's. Call it from
    /// the main thread: the signals are also unblocked there, because a blocked mask is
    /// inherited by accident (Foundation's `Process` on Linux passes on the spawning thread's,
    /// where these signals are blocked), and a blocked SIGINT would never stop chaff at all.
    public static func installHandlers() {
        // Touch the lazily created storage now, never for the first time inside a handler.
        _ = states
        _ = paths
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0 else { continue }
            let ignored = unsafeBitCast(SIG_IGN, to: Int.self)
            if let handler = current.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) == ignored { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                InterruptCleanup.removePending()
                // Back to the default action and deliver the signal again, so the exit status
                // says "killed by SIGINT" (130 in a shell), as callers expect.
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, signal)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
        }
    }

    /// Claims a slot for a path that is about to be created. The slot's buffer is returned so
    /// the caller can build the name in place; it is armed (removed on interrupt) from then on.
    /// `nil` when every slot is busy or the path is too long: the write then runs unprotected.
    static func claim(_ path: [UInt8]) -> (slot: Int, buffer: UnsafeMutablePointer<CChar>)? {
        guard path.count < pathCapacity else { return nil }
        for slot in 0..<capacity {
            guard states[slot].compareExchange(expected: free, desired: claimed, ordering: .acquiring).exchanged else { continue }
            let buffer = paths + slot * pathCapacity
            path.withUnsafeBufferPointer { bytes in
                for (i, byte) in bytes.enumerated() { buffer[i] = CChar(bitPattern: byte) }
            }
            buffer[path.count] = 0
            states[slot].store(armed, ordering: .releasing)
            return (slot, buffer)
        }
        return nil
    }

    /// Releases a slot once its file has been renamed or removed.
    static func release(_ slot: Int) {
        states[slot].store(free, ordering: .releasing)
    }

    /// Unlinks every armed path. Runs inside a signal handler: only atomics and `unlink`.
    static func removePending() {
        for slot in 0..<capacity { removeIfArmed(slot) }
    }

    /// The path armed in `slot`, or nil when the slot is not armed (for tests).
    static func armedPath(_ slot: Int) -> [UInt8]? {
        guard states[slot].load(ordering: .acquiring) == armed else { return nil }
        let start = paths + slot * pathCapacity
        return Array(UnsafeBufferPointer(start: start, count: strlen(start))).map { UInt8(bitPattern: $0) }
    }

    /// Unlinks the path in `slot` if it is armed. (Tests call this for their own slots only,
    /// so that writes running in parallel keep theirs.)
    static func removeIfArmed(_ slot: Int) {
        if states[slot].load(ordering: .acquiring) == armed {
            unlink(paths + slot * pathCapacity)
        }
    }
}
