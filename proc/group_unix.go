//go:build unix

// Package proc runs helper programs (a sound player, a speech command) so
// that knead can always stop them: each in a process group of its own.
package proc

import (
	"os/exec"
	"syscall"
)

// OwnGroup runs the command in a process group of its own and kills the
// whole group when the command is cancelled: a command started through a
// wrapper script would otherwise leave its child playing (or hanging)
// after the wrapper is gone.
func OwnGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
