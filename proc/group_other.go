//go:build !unix

package proc

import "os/exec"

// OwnGroup leaves the command as it is: without Unix process groups,
// cancelling kills only the player process itself.
func OwnGroup(cmd *exec.Cmd) {}
