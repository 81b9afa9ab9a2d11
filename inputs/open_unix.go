//go:build unix

package inputs

import (
	"os"
	"syscall"
)

// openNonBlocking opens path for reading without waiting: a FIFO with no
// writer opens at once instead of blocking, and is then refused.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
