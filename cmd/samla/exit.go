package main

import "errors"

// exitCode is an error that only carries a process exit status; the
// subcommand has already printed what the user needs to know.
type exitCode int

func (e exitCode) Error() string { return "exit status" }

func asExitCode(err error, target *exitCode) bool { return errors.As(err, target) }
