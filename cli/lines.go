package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// errEndOfInput says that standard input closed before a prompt was answered.
var errEndOfInput = errors.New("input ended")

// linePrompter asks plain-text questions and reads whole lines, with one
// reader for the whole run so that piped answers are never lost between
// prompts.
type linePrompter struct {
	in  *bufio.Reader
	out io.Writer
	// echo repeats each answer after its prompt, so that a transcript of
	// piped input reads like a conversation; a terminal echoes by itself.
	echo bool
}

func newLinePrompter(in io.Reader, out io.Writer) *linePrompter {
	return &linePrompter{in: bufio.NewReader(in), out: out, echo: !isTerminal(in)}
}

// isTerminal reports whether r is a terminal device.
func isTerminal(r any) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// ask prints the prompt and reads lines until parse accepts one, printing
// parse's hint after each rejected line.
func (p *linePrompter) ask(prompt string, parse func(string) error) error {
	fmt.Fprintln(p.out, prompt)
	for {
		fmt.Fprint(p.out, "> ")
		line, err := p.in.ReadString('\n')
		if err != nil && !(errors.Is(err, io.EOF) && line != "") {
			fmt.Fprintln(p.out)
			if errors.Is(err, io.EOF) {
				return errEndOfInput
			}
			return err
		}
		line = strings.TrimSpace(line)
		if p.echo {
			fmt.Fprintln(p.out, line)
		}
		perr := parse(line)
		if perr == nil {
			return nil
		}
		fmt.Fprintf(p.out, "  %s\n", perr)
	}
}
