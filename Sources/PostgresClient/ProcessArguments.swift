import Foundation

/// Hides a password given in `--database-url` from other users of the machine: the kernel shows
/// a process's arguments to everyone (`ps`, `/proc/PID/cmdline`). The argument's own memory is
/// overwritten with its redacted form (`postgresql://u:***@h/db`, padded with spaces, or `x`s
/// where that would be longer), as `mysql -p…` does. Call it after the arguments were read
/// (`CommandLine.arguments` keeps its own copy). Until then — the first milliseconds of the
/// process — the password is visible: `.pgpass` or `PGPASSWORD` remain the better place for it.
public enum ProcessArguments {
    public static func hidePasswords(option: String = "--database-url") {
        let argv = CommandLine.unsafeArgv
        let count = Int(CommandLine.argc)
        var index = 1
        while index < count {
            guard let pointer = argv[index] else { break }
            let argument = String(cString: pointer)
            if argument == option, index + 1 < count, let value = argv[index + 1] {
                hide(value)
                index += 2
                continue
            }
            if argument.hasPrefix(option + "=") {
                hide(pointer + option.utf8.count + 1)
            }
            index += 1
        }
    }

    /// Overwrites the NUL-terminated connection string at `pointer` in place (same length).
    private static func hide(_ pointer: UnsafeMutablePointer<CChar>) {
        let length = strlen(pointer)
        guard let masked = masked(String(cString: pointer)) else { return }
        let bytes = Array(masked.utf8)
        precondition(bytes.count == length, "the masked argument must keep its length")
        for (offset, byte) in bytes.enumerated() { pointer[offset] = CChar(bitPattern: byte) }
    }

    /// `value` with its password hidden, the same number of bytes; nil when it has none.
    static func masked(_ value: String) -> String? {
        let redacted = ConnectionInfo.redacted(value)
        guard redacted != value else { return nil }
        let length = value.utf8.count, short = redacted.utf8.count
        return short <= length ? redacted + String(repeating: " ", count: length - short) : String(repeating: "x", count: length)
    }
}
