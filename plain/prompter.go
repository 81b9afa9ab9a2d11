// Package plain is knead's plain-text interface: numbered prompts and one
// line per cue, for screen readers, scripts and pipes. Input is read as
// whole lines from one reader for the whole run, so piped answers are never
// lost between prompts.
package plain

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"

	"knead/routines"
)

// ErrEndOfInput says that standard input closed before a prompt was answered.
var ErrEndOfInput = errors.New("input ended")

// Prompter asks plain-text questions and reads whole lines.
type Prompter struct {
	// Lines delivers input lines, trimmed; it is closed at end of input.
	Lines <-chan string
	// Interrupts delivers the exit status of a signal that ends the run
	// (Ctrl-C, a closed terminal, a kill); nil when none is watched.
	Interrupts <-chan int
	out        io.Writer
	// echo repeats each answer after its prompt, so that a transcript of
	// piped input reads like a conversation; a terminal echoes by itself.
	echo bool
	// ringing counts the bell patterns still under way.
	ringing sync.WaitGroup
}

// Quiet waits for the bells still ringing, so that nothing is written
// after the run returns.
func (p *Prompter) Quiet() { p.ringing.Wait() }

// NewPrompter reads lines from in in the background and writes prompts to
// out.
func NewPrompter(in io.Reader, out io.Writer) *Prompter {
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 4096), 1<<20)
		for sc.Scan() {
			lines <- strings.TrimSpace(sc.Text())
		}
	}()
	return &Prompter{Lines: lines, out: &lockedWriter{w: out}, echo: !IsTerminal(in)}
}

// lockedWriter lets the bells of a pattern, rung in the background, write
// between whole lines, never inside one.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// bellGap is the time between the bells of a pattern, far enough apart to
// count by ear.
const bellGap = 300 * time.Millisecond

// Bells rings n terminal bells, bellGap apart, in the background: each cue
// has its own count, so they can be told apart by ear without a sound
// player.
func (p *Prompter) Bells(n int) {
	if n <= 0 {
		return
	}
	p.ringing.Add(1)
	go func() {
		defer p.ringing.Done()
		for i := range n {
			if i > 0 {
				time.Sleep(bellGap)
			}
			fmt.Fprint(p.out, "\a")
		}
	}()
}

// IsTerminal reports whether r is a terminal device.
func IsTerminal(r any) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	// A character device is not enough: /dev/null is one too.
	return term.IsTerminal(f.Fd())
}

// Say prints one line.
func (p *Prompter) Say(format string, args ...any) {
	fmt.Fprintf(p.out, format+"\n", args...)
}

// Ask prints the prompt and reads lines until parse accepts one, printing
// parse's hint after each rejected line. It returns ErrEndOfInput when the
// input ends first.
func (p *Prompter) Ask(prompt string, parse func(string) error) error {
	if prompt != "" { // "" when the question was just said
		fmt.Fprintln(p.out, prompt)
	}
	for {
		if p.Lines == nil {
			return ErrEndOfInput
		}
		fmt.Fprint(p.out, "> ")
		var line string
		var ok bool
		select {
		case status := <-p.Interrupts:
			fmt.Fprintln(p.out)
			return ErrInterrupted{Status: status}
		case line, ok = <-p.Lines:
		}
		if !ok {
			fmt.Fprintln(p.out)
			return ErrEndOfInput
		}
		p.Echo(line)
		perr := parse(line)
		if perr == nil {
			return nil
		}
		fmt.Fprintf(p.out, "  %s\n", perr)
	}
}

// atKeyboard reports whether a person types the answers, rather than a
// script through a pipe; a variable so that a test can be the person.
var atKeyboard = func(p *Prompter) bool { return !p.echo }

func (p *Prompter) atKeyboard() bool { return atKeyboard(p) }

// Echo repeats a line read from a pipe, cleaned: the pipe is outside
// input, and its escape sequences must not reach the terminal.
func (p *Prompter) Echo(line string) {
	if p.echo {
		fmt.Fprintln(p.out, routines.Clean(line))
	}
}
