import ChaffCLI
import ChaffRunner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// A closed pipe (`chaff … | head`) must end output quietly, not kill the process mid-write:
// writes then fail with EPIPE, chaff stops linting and exits with status 141.
signal(SIGPIPE, SIG_IGN)
// Past a file-size limit (`ulimit -f`) a write must fail with EFBIG, so that the output's
// temporary file is removed and the error reported, instead of the process dying mid-write.
signal(SIGXFSZ, SIG_IGN)
// Ctrl-C during `--output FILE` must not leave the temporary file behind.
InterruptCleanup.installHandlers()
exit(ChaffCommandLine.run(Array(CommandLine.arguments.dropFirst())))
