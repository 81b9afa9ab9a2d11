// Package e2e drives the built knead binary as a person would: in a tmux
// pane, with keys sent and the screen read back.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"knead/internal/testkit"
	"knead/screening"
)

// buildKnead builds the binary once per test run.
func buildKnead(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "knead")
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Dir(filepath.Dir(file))
	touchSources(t, root)
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// touchSources reads every source file of the module, so that go test's
// cache sees them as inputs of these tests: a change anywhere in knead
// runs them again instead of reusing an old result.
func touchSources(t *testing.T, root string) {
	t.Helper()
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "out") && path != root {
			return filepath.SkipDir
		}
		switch filepath.Ext(path) {
		case ".go", ".yaml", ".mod", ".sum":
			os.ReadFile(path)
		}
		return nil
	})
}

// pane is one tmux session on a private server.
type pane struct {
	t      *testing.T
	socket string
}

// startPane runs command in a new 100×30 tmux pane; the pane stays open
// after the command ends and shows its exit status.
func startPane(t *testing.T, env []string, command string) *pane {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	p := &pane{t: t, socket: fmt.Sprintf("knead-e2e-%d-%s", os.Getpid(), strings.ReplaceAll(t.Name(), "/", "-"))}
	shell := fmt.Sprintf("env %s %s; echo EXIT=$?; sleep 600", strings.Join(env, " "), command)
	p.tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", shell)
	t.Cleanup(func() { exec.Command("tmux", "-L", p.socket, "kill-server").Run() })
	return p
}

func (p *pane) tmux(args ...string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", p.socket}, args...)...).CombinedOutput()
	if err != nil {
		p.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (p *pane) capture() string { return p.tmux("capture-pane", "-p", "-t", "e2e") }

// keys sends tmux key names, one at a time, with a short pause so that the
// app sees them as separate presses.
func (p *pane) keys(keys ...string) {
	p.t.Helper()
	for _, k := range keys {
		p.tmux("send-keys", "-t", "e2e", k)
		time.Sleep(40 * time.Millisecond)
	}
}

// waitFor polls the screen until it shows text.
func (p *pane) waitFor(text string, timeout time.Duration) string {
	p.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		screen := p.capture()
		if strings.Contains(screen, text) {
			return screen
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waited %s for %q; the screen shows:\n%s", timeout, text, screen)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// environment gives knead empty folders and the test routine.
func environment(t *testing.T) []string {
	t.Helper()
	config := t.TempDir()
	if err := os.MkdirAll(filepath.Join(config, "routines"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(config, "routines", "e2e.yaml"), []byte(testkit.ShortRoutine), 0o600); err != nil {
		t.Fatal(err)
	}
	return []string{"KNEAD_CONFIG_DIR=" + config, "KNEAD_DATA_DIR=" + t.TempDir(), "TERM=xterm-256color"}
}

// answerScreening answers every screening question so that nothing limits
// the massage: n, or y to "has a doctor examined this pain?", with the
// answer keys.
func answerScreening(p *pane) {
	for i, x := range screening.Default().ToAsk(nil) {
		p.waitFor(fmt.Sprintf("question %d of", i+1), 10*time.Second)
		key := "n"
		if x.Type != screening.YesNo {
			key = "y"
		}
		p.keys(key)
	}
}

// TestUrgentAnswerLeavesTheResultOnTheTerminal: yes to a red flag ends
// the screening at once; the urgent result stays on the terminal after the
// full screen closes, and the exit status is 4.
func TestUrgentAnswerLeavesTheResultOnTheTerminal(t *testing.T) {
	bin := buildKnead(t)
	p := startPane(t, environment(t), bin+" start lumbar-self --for self")
	p.waitFor("question 1 of", 10*time.Second)
	p.keys("y")
	p.waitFor("URGENT", 5*time.Second)
	p.keys("q")
	screen := p.waitFor("EXIT=", 5*time.Second)
	for _, want := range []string{"EXIT=4", "URGENT: see a doctor now", "emergency"} {
		if !strings.Contains(screen, want) {
			t.Errorf("after exit the terminal lacks %q:\n%s", want, screen)
		}
	}
}

func TestFullFlowInTmux(t *testing.T) {
	bin := buildKnead(t)
	env := environment(t)
	p := startPane(t, env, bin+" start short --for self")
	answerScreening(p)
	p.waitFor("Before you start", 10*time.Second)
	p.keys("Enter")
	p.waitFor("Which side hurts more?", 5*time.Second)
	p.keys("l")
	p.waitFor("How strong is the pain before you start", 5*time.Second)
	p.keys("3")
	p.waitFor("Pain before: 3", 5*time.Second)
	p.keys("Enter")
	p.waitFor("First strokes", 5*time.Second)
	for _, step := range []string{"First strokes", "Light rubbing", "Last strokes"} {
		p.waitFor("Step done: "+step, 15*time.Second)
		p.keys("3")
	}
	p.waitFor("after the rest", 20*time.Second)
	p.keys("2")
	screen := p.waitFor("Session summary", 5*time.Second)
	for _, want := range []string{"Pain before → after: 3 → 2", "Steps done: 3 of 3", "Ended: completed"} {
		if !strings.Contains(screen, want) {
			t.Errorf("summary lacks %q:\n%s", want, screen)
		}
	}
	p.keys("q")
	screen = p.waitFor("EXIT=", 5*time.Second)
	if !strings.Contains(screen, "EXIT=0") || !strings.Contains(screen, "knead: short, completed; pain 3 → 2") {
		t.Errorf("after exit:\n%s", screen)
	}
	// The session is in the history.
	csv := knead(t, bin, env, "history", "--csv")
	if !strings.Contains(csv, ",me,short,1,") || !strings.Contains(csv, ",3,2,completed,,3,3") {
		t.Errorf("history:\n%s", csv)
	}
}

// knead runs the binary with env and returns its output.
func knead(t *testing.T, bin string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("knead %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func TestClosingTheTerminalMidSessionLeavesAnInterruptedSession(t *testing.T) {
	bin := buildKnead(t)
	env := environment(t)
	p := startPane(t, env, bin+" start lumbar-self --for self")
	answerScreening(p)
	p.waitFor("Before you start", 10*time.Second)
	p.keys("Enter", "r")
	p.waitFor("How strong is the pain", 5*time.Second)
	p.keys("4", "Enter")
	p.waitFor("Stroking towards the coccyx", 5*time.Second)
	time.Sleep(1500 * time.Millisecond)
	p.tmux("kill-server") // the terminal is closed
	time.Sleep(500 * time.Millisecond)
	out := knead(t, bin, env, "history")
	if !strings.Contains(out, "lumbar-self") || !strings.Contains(out, "interrupted at step 1") || !strings.Contains(out, "4 → –") {
		t.Fatalf("history after closing the terminal:\n%s", out)
	}
}

func TestStopPromptFreezesTheCountdownInTmux(t *testing.T) {
	bin := buildKnead(t)
	p := startPane(t, environment(t), bin+" start lumbar-self --for self")
	answerScreening(p)
	p.waitFor("Before you start", 10*time.Second)
	p.keys("Enter", "r")
	p.waitFor("How strong is the pain", 5*time.Second)
	p.keys("3", "Enter")
	p.waitFor("Stroking towards the coccyx", 5*time.Second)
	time.Sleep(1500 * time.Millisecond)
	p.keys("6")
	first := p.waitFor("STOP: pain rose", 5*time.Second)
	if !strings.Contains(first, "pain rose from 3 to 6") || !strings.Contains(first, "frozen at") {
		t.Fatalf("stop prompt:\n%s", first)
	}
	time.Sleep(2 * time.Second)
	if second := p.capture(); second != first {
		t.Fatalf("the screen changed under the stop prompt:\n%s\n---\n%s", first, second)
	}
	p.keys("e")
	p.waitFor("Session summary", 5*time.Second)
	p.keys("q")
	if screen := p.waitFor("EXIT=", 5*time.Second); !strings.Contains(screen, "EXIT=0") {
		t.Errorf("exit:\n%s", screen)
	}
}

func TestNonTerminalStdinNeedsAccessible(t *testing.T) {
	bin := buildKnead(t)
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), environment(t)...)
	cmd.Stdin = strings.NewReader("")
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.Contains(string(out), "--accessible") {
		t.Fatalf("err %v, output %s", err, out)
	}
}

// A full screen piped into a file would be answered blind: knead refuses
// and says to use --accessible.
func TestPipedOutputNeedsAccessible(t *testing.T) {
	bin := buildKnead(t)
	p := startPane(t, environment(t), bin+" start short --for self | cat")
	screen := p.waitFor("EXIT=", 10*time.Second)
	if !strings.Contains(screen, "the output is not a terminal") || !strings.Contains(screen, "accessible for plain lines") {
		t.Fatalf("piped output:\n%s", screen)
	}
}

// TestCtrlCInARehearsalExits130: Ctrl-C during a step restores the
// terminal and exits 130, with no panic.
func TestCtrlCInARehearsalExits130(t *testing.T) {
	bin := buildKnead(t)
	p := startPane(t, environment(t), bin+" rehearse lumbar-self")
	p.waitFor("Stroking towards the coccyx", 10*time.Second)
	p.keys("C-c")
	screen := p.waitFor("EXIT=", 5*time.Second)
	if !strings.Contains(screen, "EXIT=130") || strings.Contains(screen, "panic") {
		t.Fatalf("after ctrl+c:\n%s", screen)
	}
}

// TestAccessibleExitsAtOnceAfterAStop: in a terminal, --accessible ends
// right after an urgent result with status 4, and after q with status 1,
// instead of waiting for the terminal to answer a colour query.
func TestAccessibleExitsAtOnceAfterAStop(t *testing.T) {
	bin := buildKnead(t)
	for name, tc := range map[string]struct{ key, status string }{"urgent": {"y", "EXIT=4"}, "quit": {"q", "EXIT=1"}} {
		t.Run(name, func(t *testing.T) {
			p := startPane(t, environment(t), bin+" screen --accessible --for self")
			p.waitFor("1 of", 10*time.Second)
			p.keys(tc.key, "Enter")
			if screen := p.waitFor("EXIT=", 5*time.Second); !strings.Contains(screen, tc.status) {
				t.Errorf("%s: %s", name, screen)
			}
		})
	}
}

// A signal from outside ends the full screen with the shell's status for
// it, the terminal restored and the session recorded as interrupted.
func TestSignalsEndTheSessionWithTheirStatus(t *testing.T) {
	bin := buildKnead(t)
	for _, c := range []struct {
		sig    syscall.Signal
		status string
	}{{syscall.SIGTERM, "EXIT=143"}, {syscall.SIGINT, "EXIT=130"}, {syscall.SIGHUP, "EXIT=129"}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			env := environment(t)
			pidFile := filepath.Join(t.TempDir(), "pid")
			p := startPane(t, env, fmt.Sprintf("sh -c 'echo $$ > %s; exec %s start lumbar-self --for self'", pidFile, bin))
			answerScreening(p)
			p.waitFor("Before you start", 10*time.Second)
			p.keys("Enter", "r")
			p.waitFor("How strong is the pain", 5*time.Second)
			p.keys("4", "Enter")
			p.waitFor("Stroking towards the coccyx", 5*time.Second)
			signalPid(t, pidFile, c.sig)
			screen := p.waitFor("EXIT=", 10*time.Second)
			if !strings.Contains(screen, c.status) || strings.Contains(screen, "Stroking towards the coccyx") {
				t.Fatalf("after %s:\n%s", c.sig, screen)
			}
			if out := knead(t, bin, env, "history"); !strings.Contains(out, "interrupted at step 1") {
				t.Fatalf("history after %s:\n%s", c.sig, out)
			}
		})
	}
}

func TestATermSignalEndsPracticeAndScreeningWith143(t *testing.T) {
	bin := buildKnead(t)
	for _, c := range []struct {
		args, shown string
	}{
		{"practice lumbar-partner 2", "passes"},
		{"screen --for self", "question 1 of"},
	} {
		t.Run(c.args, func(t *testing.T) {
			env := environment(t)
			pidFile := filepath.Join(t.TempDir(), "pid")
			p := startPane(t, env, fmt.Sprintf("sh -c 'echo $$ > %s; exec %s %s'", pidFile, bin, c.args))
			p.waitFor(c.shown, 10*time.Second)
			signalPid(t, pidFile, syscall.SIGTERM)
			if screen := p.waitFor("EXIT=", 10*time.Second); !strings.Contains(screen, "EXIT=143") {
				t.Fatalf("after SIGTERM:\n%s", screen)
			}
		})
	}
}

// signalPid sends sig to the process whose id is written in pidFile.
func signalPid(t *testing.T, pidFile string, sig syscall.Signal) {
	t.Helper()
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	if err := syscall.Kill(pid, sig); err != nil {
		t.Fatal(err)
	}
}
