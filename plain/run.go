package plain

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"knead/guide"
	"knead/journal"
	"knead/routines"
	"knead/screening"
)

// Options configure a plain-text run: the guided flow's options.
type Options = guide.Options

// Run is the whole guided flow as plain lines: who is massaged, the
// screening, the routine, every step with a line at its start, the side
// switch, each minute, ten seconds before its end and at its end, the
// check-ins, the rest and the summary. While a step runs, a line with a
// number reports pain, w a warning sign, s stop, p pause or resume, n next,
// + 30 s more, q quit. Ctrl-C, a closed terminal or a kill record the
// session as interrupted and end with 130, 129 or 143.
func Run(opts Options, in io.Reader, out io.Writer) (int, error) {
	f, err := guide.New(opts)
	if err != nil {
		return 1, err
	}
	return Drive(f, in, out)
}

// Drive draws a flow as plain lines, reading answers from in, until it
// ends; it returns the exit status.
func Drive(f *guide.Flow, in io.Reader, out io.Writer) (int, error) {
	p := NewPrompter(in, out)
	defer p.Quiet()
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGHUP, syscall.SIGTERM)
	defer signal.Stop(signals)
	interrupts := make(chan int, 1)
	go func() {
		for sig := range signals {
			status := 130
			switch sig {
			case syscall.SIGHUP:
				status = 129
			case syscall.SIGTERM:
				status = 143
			}
			select {
			case interrupts <- status:
			default:
			}
		}
	}()
	p.Interrupts = interrupts
	code, err := (&runner{p: p, f: f}).run()
	if line := f.Unsaved(); line != "" {
		p.Say("knead: %s.", line)
		if code == 0 {
			code = 1
		}
	}
	return code, err
}

// ErrInterrupted says a signal ended the run; Status is the exit status.
type ErrInterrupted struct{ Status int }

func (e ErrInterrupted) Error() string { return "interrupted" }

// run goes through the flow's stages until it ends.
func (r *runner) run() (int, error) {
	p, f := r.p, r.f
	if f.Rehearsal() {
		rt := f.Routine()
		p.Say("Rehearsal — no massage. %s at %gx speed.", rt.Title, f.Options().Speed)
		r.show(f.Begin())
	} else {
		sayDisclaimer(p)
	}
	printed := false
	for {
		var err error
		switch f.Stage() {
		case guide.Ended:
			if line := f.Farewell(); line != "" && f.Exit() != 0 {
				p.Say("%s", capitalize(line)+".")
			}
			if f.Farewell() == guide.ErrScreeningCancelled.Error() {
				return 1, guide.ErrScreeningCancelled
			}
			return f.Exit(), nil
		case guide.Who:
			err = r.askWho()
		case guide.Settled:
			err = r.askYesNo(f.Question())
		case guide.Screening:
			err = askWalk(f.Walk(), p)
			switch {
			case errors.Is(err, ErrScreeningCancelled):
				r.f.Do(guide.Act(guide.Quit))
				err = nil
			case err == nil:
				_, err = f.Do(guide.Act(guide.ScreeningDone))
				if err == nil {
					r.afterScreening()
					printed = true
				}
			}
		case guide.Result:
			if !printed {
				PrintClearance(p.out, f.Clearance(), f.Allowed())
			}
			if f.Valid(guide.Continue) {
				_, err = f.Do(guide.Act(guide.Continue))
			} else {
				f.Do(guide.Act(guide.Quit))
			}
		case guide.Picker:
			err = r.askRoutine()
		case guide.Session:
			err = r.session()
		case guide.Summary:
			r.summary()
			err = r.offerReport()
			f.Do(guide.Act(guide.Quit))
		}
		var sig ErrInterrupted
		switch {
		case errors.As(err, &sig):
			r.show(f.Do(guide.Action{Kind: guide.Interrupt, Status: sig.Status}))
			if f.Routine() != nil && f.Summary().Outcome != "" {
				r.summary()
			}
			p.Say("Interrupted.")
			return sig.Status, nil
		case err != nil:
			if f.Stage() == guide.Session {
				r.show(f.Do(guide.Act(guide.Quit)))
				r.summary()
			}
			return 1, err
		}
	}
}

// offerReport asks, when someone is at the keyboard, whether to write
// the doctor's report now. A script reading from a pipe is not asked: its
// lines are answers to the session's questions, not to this one.
func (r *runner) offerReport() error {
	if !r.p.atKeyboard() || !r.f.Saving() || r.f.Rehearsal() || r.f.ReportPerson() == "" {
		return nil
	}
	write := false
	err := r.p.Ask("Write a report for a doctor now (an HTML file in this folder)? y/n", func(s string) error {
		switch strings.ToLower(s) {
		case "y", "yes":
			write = true
		case "n", "no", "":
		default:
			return errors.New("type y or n")
		}
		return nil
	})
	if err != nil || !write {
		if errors.Is(err, ErrEndOfInput) {
			return nil
		}
		return err
	}
	path, err := r.f.WriteReport(".", time.Now())
	if err != nil {
		r.p.Say("The report could not be written: %s.", routines.Clean(err.Error()))
		return nil
	}
	r.p.Say("Report for a doctor written: %s", routines.Clean(path))
	return nil
}

// afterScreening prints the clearance and where the session stands in
// its course.
func (r *runner) afterScreening() {
	f, p := r.f, r.p
	PrintClearance(p.out, f.Clearance(), f.Allowed())
	if f.Stage() == guide.Result && !f.Valid(guide.Continue) {
		return // no massage today: the clearance says what to do
	}
	if f.Saving() {
		sayCourse(p, f.Course())
	} else {
		p.Say("This session will not be saved: %s.", f.Problem())
	}
}

// askWho asks who is massaged.
func (r *runner) askWho() error {
	return r.p.Ask(r.f.Question()+" 1) me  2) my partner", func(s string) error {
		var mode screening.Mode
		switch strings.ToLower(s) {
		case "1", "me", "self":
			mode = screening.Self
		case "2", "partner", "my partner":
			mode = screening.Partner
		case "q":
			r.f.Do(guide.Act(guide.Quit))
			return nil
		default:
			return errors.New("type 1 (me) or 2 (my partner)")
		}
		_, err := r.f.Do(guide.Action{Kind: guide.ChooseWho, Mode: mode, Name: r.f.Options().PartnerName})
		return err
	})
}

// askYesNo answers one of the flow's yes/no questions.
func (r *runner) askYesNo(q string) error {
	return r.p.Ask(q+" [y/n]", func(s string) error {
		switch strings.ToLower(s) {
		case "y", "yes":
			r.f.Do(guide.Action{Kind: guide.Answer, Yes: true})
		case "n", "no":
			r.f.Do(guide.Action{Kind: guide.Answer, Yes: false})
		case "q":
			r.f.Do(guide.Act(guide.Quit))
		default:
			return errors.New("type y (yes) or n (no)")
		}
		return nil
	})
}

// askRoutine lists the allowed routines and asks for one.
func (r *runner) askRoutine() error {
	f, p := r.f, r.p
	if n := f.Notice(); n != "" {
		p.Say("%s", n)
	}
	allowed := f.Allowed()
	if len(allowed) == 0 {
		p.Say("No routine is allowed today.")
		f.Do(guide.Act(guide.Quit))
		return nil
	}
	for i, a := range allowed {
		p.Say("%d) %s: %s, %s, %s", i+1, a.ID, a.Title, routines.HumanDuration(a.Total()), a.Intensity())
	}
	err := p.Ask(f.Question()+" Type its number.", func(s string) error {
		if s == "q" {
			f.Do(guide.Act(guide.Quit))
			return nil
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > len(allowed) {
			return fmt.Errorf("type a number from 1 to %d", len(allowed))
		}
		_, err = f.Do(guide.Action{Kind: guide.ChooseRoutine, Routine: allowed[n-1]})
		return err
	})
	if err != nil && !errors.As(err, new(ErrInterrupted)) {
		return fmt.Errorf("no routine was chosen: %w", err)
	}
	return err
}

// sayCourse tells where the session stands in its course.
func sayCourse(p *Prompter, c journal.Course) {
	line := fmt.Sprintf("Session %d of %d.", c.Number, c.Of)
	if c.DaysSinceLast >= 0 {
		line += fmt.Sprintf(" %d days since the last.", c.DaysSinceLast)
	}
	p.Say("%s", line)
	for _, a := range c.Advice {
		p.Say("%s", a)
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
