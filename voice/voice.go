// Package voice speaks cues through a speech command the user names
// (espeak-ng, say, spd-say, ...). The text is passed as an argument, never
// through a shell, and the command comes only from the user's flag or
// settings, never from a routine file.
package voice

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"time"

	"knead/coach"
	"knead/proc"
)

// Speaker says one utterance at a time in the background. Say never
// blocks: a newer utterance replaces one still waiting, so a slow speech
// command can delay nothing and never falls behind.
type Speaker struct {
	path string
	args []string

	mu      sync.Mutex
	wake    *sync.Cond
	queued  string
	has     bool
	lastSeq int64
	closed  bool
	done    chan struct{}
	// ctx ends with Close: the utterance in progress is stopped, its
	// whole process group with it.
	ctx    context.Context
	cancel context.CancelFunc

	// failures counts the utterances whose command failed; lastErr is
	// the last such failure.
	failures int
	lastErr  error

	// floor, when set, is taken before each utterance and given back
	// after it: it waits for the tones queued before the words and keeps
	// new ones from playing over them.
	floor func() (release func())
}

// ShareWith makes the speaker take turns with the tones: floor is called
// before each utterance and returns the function that ends the turn.
// Call it before the first Say.
func (s *Speaker) ShareWith(floor func() (release func())) {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.floor = floor
	s.mu.Unlock()
}

// New finds the command (its first word; further words are its own
// arguments) and starts the speaker.
func New(command string) (*Speaker, error) {
	fields := strings.Fields(command)
	if len(fields) == 0 {
		return nil, fmt.Errorf("no voice command given")
	}
	path, err := exec.LookPath(fields[0])
	if err != nil {
		return nil, fmt.Errorf("voice command %q not found; running without voice", fields[0])
	}
	s := &Speaker{path: path, args: fields[1:], done: make(chan struct{})}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.wake = sync.NewCond(&s.mu)
	go s.run()
	return s, nil
}

// Say queues text, replacing anything not yet started. seq orders calls
// that may arrive out of order (from concurrent commands): an utterance
// older than one already queued or said is dropped.
func (s *Speaker) Say(seq int64, text string) {
	if s == nil || text == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq < s.lastSeq || s.closed {
		return
	}
	s.lastSeq = seq
	s.queued, s.has = text, true
	s.wake.Signal()
}

// Close stops the speaker and waits for it: the utterance in progress may
// finish for up to closeGrace (the last cue of a session is worth
// hearing), then it is stopped with its whole process group, so that no
// speech command outlives knead.
func (s *Speaker) Close() {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.closed = true
	s.wake.Signal()
	s.mu.Unlock()
	select {
	case <-s.done:
	case <-time.After(closeGrace):
		s.cancel()
		<-s.done
	}
	s.cancel()
}

// closeGrace is how long Close lets the last utterance run.
const closeGrace = 3 * time.Second

// utteranceLimit is the longest an utterance may take: generous for the
// text at a slow speaking rate, so that only a hung command is stopped.
func utteranceLimit(text string) time.Duration {
	return 10*time.Second + time.Duration(len(text))*100*time.Millisecond
}

// speak runs the command on text and waits for it, within its time limit.
// The text comes after "--", and never starts with "-", so that no text
// (a step titled "--output=...", say) can be read as an option.
func (s *Speaker) speak(text string) {
	text = strings.TrimLeft(text, "- ")
	if text == "" {
		return
	}
	ctx, cancel := context.WithTimeout(s.ctx, utteranceLimit(text))
	defer cancel()
	args := append(append([]string(nil), s.args...), "--", text)
	cmd := exec.CommandContext(ctx, s.path, args...)
	proc.OwnGroup(cmd)
	cmd.WaitDelay = time.Second
	// A failing speaker must not stop a session, but it is counted, to
	// be told at the end.
	if err := cmd.Run(); err != nil && s.ctx.Err() == nil {
		s.mu.Lock()
		s.failures, s.lastErr = s.failures+1, err
		s.mu.Unlock()
	}
}

// Failures is how many utterances the speech command failed to say, and
// the last failure.
func (s *Speaker) Failures() (int, error) {
	if s == nil {
		return 0, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failures, s.lastErr
}

func (s *Speaker) run() {
	defer close(s.done)
	for {
		s.mu.Lock()
		for !s.has && !s.closed {
			s.wake.Wait()
		}
		if !s.has && s.closed {
			s.mu.Unlock()
			return
		}
		text := s.queued
		s.has = false
		floor := s.floor
		s.mu.Unlock()
		release := func() {}
		if floor != nil {
			release = floor()
		}
		s.speak(text)
		release()
	}
}

// Words is what to say for a cue; "" for cues that are not spoken.
// partner addresses the check-in to the caregiver, naming the person
// massaged when name is known. knead does not listen: the user is asked to
// press or type a number, never to say one.
func Words(c coach.Cue, partner bool, name string) string {
	switch c.Kind {
	case coach.CueStepStart:
		return c.Title + ". " + c.Text
	case coach.CueSideSwitch:
		switch {
		case c.Side == "":
			return "Switch sides."
		case partner:
			return fmt.Sprintf("Switch to the %s side.", c.Side)
		}
		return fmt.Sprintf("Turn over. Now the %s side.", c.Side)
	case coach.CueTenSeconds:
		return "Ten seconds"
	case coach.CueCheckIn:
		if partner {
			if name == "" {
				name = "your partner"
			}
			return fmt.Sprintf("Ask %s how the pain is, and type the number.", name)
		}
		return "How is the pain now? Press a number."
	case coach.CueEase:
		return "Ease the pressure"
	case coach.CueStop:
		return "Stop. " + sentence(c.Text)
	case coach.CueRestStart:
		return "Massage done. Rest now"
	case coach.CueSessionEnd:
		if c.Text == string(coach.Interrupted) {
			return ""
		}
		return "The session is over"
	}
	return ""
}

var numberWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

// Spoken turns the acknowledgement of a rating ("Pain 3 noted.") into the
// words a voice reads back: "Pain three, noted."; other notes are said as
// they are.
func Spoken(note string) string {
	var n int
	if _, err := fmt.Sscanf(note, "Pain %d noted.", &n); err == nil && n >= 0 && n <= 10 && note == fmt.Sprintf("Pain %d noted.", n) {
		return "Pain " + numberWords[n] + ", noted."
	}
	return note
}

// sentence starts text with a capital and ends it with a full stop, as
// said after "Stop.".
func sentence(text string) string {
	text = strings.TrimSuffix(strings.TrimSpace(text), ".")
	if text == "" {
		return ""
	}
	r := []rune(text)
	return strings.ToUpper(string(r[0])) + string(r[1:]) + "."
}
