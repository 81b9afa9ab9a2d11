package cli

import (
	"io"
	"strings"

	"knead/routines"
)

// notices passes messages on to standard error and keeps a line of each,
// for the full screen, which would otherwise hide them until it closes.
type notices struct {
	w     io.Writer
	lines []string
}

// Write keeps the message's first line, with the line after it when the
// first only introduces it ("skipped a routine file:").
func (n *notices) Write(p []byte) (int, error) {
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(p), "knead: ")), "\n")
	line := strings.TrimSpace(lines[0])
	if strings.HasSuffix(line, ":") && len(lines) > 1 {
		line += " " + strings.TrimSpace(lines[1])
	}
	if line != "" {
		n.lines = append(n.lines, routines.Clean(line))
	}
	if _, err := io.WriteString(n.w, cleanLines(strings.TrimSuffix(string(p), "\n"))+"\n"); err != nil {
		return 0, err
	}
	return len(p), nil
}
