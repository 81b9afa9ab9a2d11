//go:build !unix

package sound

import "os/exec"

// ownGroup leaves the command as it is: without Unix process groups,
// cancelling kills only the player process itself.
func ownGroup(cmd *exec.Cmd) {}
