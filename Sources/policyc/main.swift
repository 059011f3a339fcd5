import PolicyCommandLine

// The commands live in PolicyCommandLine, so that the fuzz harness parses the same command line
// in process; this is only the entry point.
await Policyc.start()
