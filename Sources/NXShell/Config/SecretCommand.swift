import Foundation

/// Runs `client_secret_command` through /bin/sh; its trimmed stdout is the secret. The output is
/// never echoed: a failing command is reported by its exit status only.
enum SecretCommand {
    static func run(_ command: String) throws(ShellError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ShellError("cannot run client_secret_command: \(error.localizedDescription)",
                             exitCode: ExitStatus.config)
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ShellError("client_secret_command failed with exit status \(process.terminationStatus)",
                             notes: ["command: \(command)"], exitCode: ExitStatus.config)
        }
        let secret = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else {
            throw ShellError("client_secret_command printed nothing", notes: ["command: \(command)"],
                             exitCode: ExitStatus.config)
        }
        return secret
    }
}
