package tui

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
)

// signalMsg says the process was told to end (Ctrl-C sent from elsewhere,
// a closed terminal, a kill): the model records what it must and quits
// with status as its exit status.
type signalMsg struct{ status int }

// runProgram runs m on the terminal behind in and out. knead handles the
// signals itself rather than Bubble Tea, which would end a SIGTERM with
// status 0 and nothing recorded: a signal reaches the model as a
// signalMsg, and if the model has not ended within a moment the program is
// killed. signalled is the signal's exit status when the program was
// killed that way, 0 otherwise.
func runProgram(m tea.Model, in io.Reader, out io.Writer) (final tea.Model, signalled int, err error) {
	p := tea.NewProgram(m, tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(frameRate), tea.WithoutSignalHandler())
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGHUP, syscall.SIGTERM)
	defer signal.Stop(signals)
	killed := make(chan int, 1)
	go func() {
		sig, ok := <-signals
		if !ok {
			return
		}
		status := SignalStatus(sig)
		killed <- status
		p.Send(signalMsg{status: status})
		time.Sleep(2 * time.Second)
		p.Kill()
	}()
	final, err = p.Run()
	if errors.Is(err, tea.ErrProgramKilled) {
		return final, <-killed, nil
	}
	return final, 0, err
}

// SignalStatus is the exit status for ending on sig, as shells report it:
// 128 plus the signal's number (130 SIGINT, 129 SIGHUP, 143 SIGTERM).
func SignalStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}
