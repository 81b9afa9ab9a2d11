package tui

import (
	"errors"
	"io"
)

// RunAccessible runs the flow as plain text lines.
func RunAccessible(opts Options, in io.Reader, out io.Writer) (int, error) {
	return 1, errors.New("accessible mode is not built yet")
}
