//go:build unix

package sound

import (
	"os/exec"
	"syscall"
)

// ownGroup runs the player in a process group of its own and kills the
// whole group when the command is cancelled: a player started through a
// wrapper script would otherwise leave its child playing (or hanging)
// after the wrapper is gone.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
