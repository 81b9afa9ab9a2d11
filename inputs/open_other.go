//go:build !unix

package inputs

import "os"

// openNonBlocking opens path for reading. Systems without Unix FIFOs
// have no file that blocks on open.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
