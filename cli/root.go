// Package cli wires knead's commands: it parses flags, calls the domain
// packages and turns their results into output and exit statuses.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/fang/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"knead/plain"
	"knead/routines"
)

// Version is set at build time with -ldflags "-X knead/cli.Version=...".
var Version = "0.1.0-dev"

// Exit statuses shared by every command. Screening adds its own (3, 4).
const (
	ExitOK    = 0
	ExitError = 1
)

// exitError carries an exit status out of a command. Silent ones have
// already said what they had to say.
type exitError struct {
	code   int
	err    error
	silent bool
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// silentExit ends the command with a status and prints nothing more.
func silentExit(code int) error { return &exitError{code: code, silent: true} }

// newRoot builds the command tree.
func newRoot() *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "knead",
		Short: "A terminal coach for guided back massage",
		Long: `knead guides a back massage for yourself or a partner: a screening
questionnaire decides whether massage is safe today, then it times each step
of a routine with big digits and sound cues, checks the pain as you go and
tells you to stop the moment it rises.

knead is not medical advice. See a doctor before starting a course of
massage, and whenever you are in doubt.`,
		Example: `  knead
  knead start lumbar-self --for self
  knead screen
  knead rehearse lumbar-partner --speed 10
  knead routines list
  knead routines show lumbar-self
  knead routines validate ~/.config/knead/routines/my-routine.yaml`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runApp(cmd, g, "")
		},
	}
	g.register(root, sessionFlags...)
	root.AddCommand(newRoutinesCmd(), newScreenCmd(g), newStartCmd(g), newRehearseCmd(g), newHistoryCmd(), newReportCmd(), newConfigCmd(g), newPracticeCmd(g))
	placeFlagsAnywhere(root)
	root.SetFlagErrorFunc(flagError)
	// The completion command is made now rather than when it runs, so
	// that its line in the command list fits an 80-column terminal.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Short = "Print a shell's completion script"
		}
	}
	return root
}

// Main runs knead with the given arguments and returns the exit status.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	// A command's own errors are printed and turned into the exit status
	// here, not by fang: fang asks the terminal for its colours before it
	// prints an error, and that question would wait for a reply behind a
	// line reader still holding the terminal (--accessible).
	if _, set := os.LookupEnv(fangWidth); !set && !plain.IsTerminal(os.Stdout) {
		// Help piped to a pager or a file is laid out for 80 columns, as
		// man pages are, not for fang's default of 120.
		os.Setenv(fangWidth, "80")
	}
	code := ExitOK
	keepStatus(root, func(c *cobra.Command, err error) {
		code = exitStatus(err)
		printError(c.ErrOrStderr(), fang.Styles{}, err)
	})
	if err := fang.Execute(ctx, root,
		fang.WithVersion(Version),
		fang.WithErrorHandler(printError),
	); err != nil {
		return exitStatus(err)
	}
	return code
}

// fangWidth is the variable fang reads its help width from instead of
// asking the terminal.
const fangWidth = "__FANG_TEST_WIDTH"

// keepStatus wraps the RunE of cmd and of every command under it so that
// an error goes to report instead of back to cobra.
func keepStatus(cmd *cobra.Command, report func(*cobra.Command, error)) {
	if run := cmd.RunE; run != nil {
		cmd.RunE = func(c *cobra.Command, args []string) error {
			if err := run(c, args); err != nil {
				report(c, err)
			}
			return nil
		}
	}
	for _, sub := range cmd.Commands() {
		keepStatus(sub, report)
	}
}

// exitStatus is the process status an error ends with.
func exitStatus(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return ExitError
}

// printError writes "knead: message" on stderr, plain enough for scripts
// and logs; silent exits print nothing.
func printError(w io.Writer, _ fang.Styles, err error) {
	var ee *exitError
	if errors.As(err, &ee) && ee.silent {
		return
	}
	if cw, ok := w.(*colorprofile.Writer); ok {
		w = cw.Forward
	}
	fmt.Fprintf(w, "knead: %s\n", cleanLines(err.Error()))
}

// cleanLines makes a message safe for the terminal line by line: a path
// or a value from outside may carry escape sequences, and a newline in it
// could forge a line of its own. Each line keeps its indentation.
func cleanLines(msg string) string {
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		rest := strings.TrimLeft(l, " ")
		lines[i] = l[:len(l)-len(rest)] + routines.Clean(rest)
	}
	return strings.Join(lines, "\n")
}
