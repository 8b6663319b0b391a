import Dispatch
import Synchronization

/// Bridges the synchronous entry point (needed for the REPL's Ctrl-C handling) to async work.
enum Blocking {
    /// Runs `body` in a task and waits for it. With `interruptible`, a Ctrl-C (or SIGTERM) seen
    /// meanwhile cancels the task (the evaluator stops at the next statement, HTTP calls are
    /// cancelled) and its result is still awaited, so nothing keeps running behind the prompt.
    /// A failed stdout cancels it too: output nobody can read is no reason to go on.
    /// nil only if the task never produced a value (it always does; callers pick a fallback).
    static func run<T: Sendable>(interruptible: Bool = false, _ body: @escaping @Sendable () async -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox<T>()
        let task = Task {
            let value = await body()
            result.value.withLock { $0 = value }
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if interruptible, Interrupts.take() { task.cancel() }
            if OutputHealth.failure != nil { task.cancel() }
        }
        return result.value.withLock { $0.take() }
    }
}

/// Mutex is noncopyable and cannot be captured by an escaping closure; a class can.
private final class ResultBox<T: Sendable>: Sendable {
    let value = Mutex<T?>(nil)
}
