package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// payloads are what an attacker would put in a file, a name or a flag:
// a clipboard write, a screen clear, a hyperlink, a C1 CSI, NUL, a forged
// second line and a bidi override.
var payloads = []string{
	"\x1b]52;c;ZXZpbA==\x07", "\x1b[2J", "\x1b]8;;http://x\x07", "\u009b2J", "\x00", "\nknead: all clear", "\u202e",
}

// rawBytes reports the first byte sequence in out that would act on a
// terminal: ESC, a C1 control, NUL, or a bidi override.
func rawBytes(out string) string {
	for _, r := range out {
		if r == 0x1b || r == 0 || (r >= 0x80 && r < 0xa0) || r == 0x202e {
			return fmt.Sprintf("%U", r)
		}
	}
	return ""
}

// Nothing from outside reaches the terminal raw, whatever the command.
func TestNoEscapeReachesTheTerminal(t *testing.T) {
	for i, p := range payloads {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			config := isolate(t)
			dir := t.TempDir()
			answers := writeFile(t, filepath.Join(dir, "answers.yaml"), fmt.Sprintf("%q: yes\nfever: %q\n", "id"+p, "x"+p))
			listAnswer := writeFile(t, filepath.Join(dir, "list.yaml"), fmt.Sprintf("fever: [%q]\n", p))
			writeFile(t, filepath.Join(config, "config.yaml"), fmt.Sprintf("partner: %q\nvoice: %q\n", "Anna"+p, "say"+p))
			badConfig := t.TempDir()
			writeFile(t, filepath.Join(badConfig, "config.yaml"), fmt.Sprintf("sound: %q\n", "loud"+p))
			routine := writeFile(t, filepath.Join(config, "routines", "bad"+strings.NewReplacer("/", "", "\x00", "").Replace(p)+".yaml"), "id: [\n")
			runs := [][]string{
				{"screen", "--answers", answers},
				{"screen", "--answers", listAnswer},
				{"config", "show"},
				{"config", "show", "--partner", "Bo" + p},
				{"routines", "list"},
				{"routines", "show", routine},
				{"routines", "show", "no-such" + p},
				{"history", "--person", "Anna" + p},
			}
			for _, args := range runs {
				_, out, errOut := run(t, "", args...)
				if raw := rawBytes(out + errOut); raw != "" {
					t.Errorf("knead %q lets %s through:\n%q\n%q", args, raw, out, errOut)
				}
			}
			t.Setenv("KNEAD_CONFIG_DIR", badConfig)
			t.Setenv("KNEAD_PARTNER", "Cy"+strings.ReplaceAll(p, "\x00", "")) // no NUL in an environment
			for _, args := range [][]string{{"config", "show"}, {"history"}} {
				_, out, errOut := run(t, "", args...)
				if raw := rawBytes(out + errOut); raw != "" {
					t.Errorf("knead %q (bad settings) lets %s through:\n%q\n%q", args, raw, out, errOut)
				}
			}
		})
	}
}

// Hostile files end with a clear message, quickly and in little memory:
// deep nesting, an alias bomb, a huge or endless file, a pipe.
func TestHostileFilesAreRefusedQuickly(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'k'; i++ {
		bomb += fmt.Sprintf("%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	cases := []struct {
		name, content string
		args          func(path string) []string
		want          string
	}{
		{"nested brackets as a routine", strings.Repeat("[", 30000), func(p string) []string { return []string{"routines", "validate", p} }, "nested more than"},
		{"a dash chain as a routine", strings.Repeat("- ", 30000), func(p string) []string { return []string{"routines", "validate", p} }, "nested on one line"},
		{"a huge routine", "title: " + strings.Repeat("x", 1<<20) + "\n", func(p string) []string { return []string{"routines", "validate", p} }, "the limit is 64 KB"},
		{"an alias bomb as answers", bomb, func(p string) []string { return []string{"screen", "--answers", p} }, "anchors or aliases"},
		{"nested answers", strings.Repeat("[", 50000), func(p string) []string { return []string{"screen", "--answers", p} }, "nested more than"},
		{"many answers", strings.Repeat("fever: yes\n", 100000), func(p string) []string { return []string{"screen", "--answers", p} }, "limit is 64 KB"},
		{"a pipe as answers", "", func(string) []string { return []string{"screen", "--answers", fifo} }, "named pipe"},
		{"a pipe as a routine", "", func(string) []string { return []string{"routines", "validate", fifo} }, "named pipe"},
		{"the null device as answers", "", func(string) []string { return []string{"screen", "--answers", "/dev/zero"} }, "not a regular file"},
	}
	for _, c := range cases {
		path := writeFile(t, filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".yaml"), c.content)
		var before runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		code, out, errOut := run(t, "", c.args(path)...)
		took := time.Since(start)
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if code == 0 || !strings.Contains(out+errOut, c.want) {
			t.Errorf("%s: status %d, %q; want a message with %q", c.name, code, out+errOut, c.want)
		}
		// Generous bounds for a busy machine; the figures measured are in
		// docs/reliability.md.
		if took > 5*time.Second {
			t.Errorf("%s: took %v", c.name, took)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 200<<20 {
			t.Errorf("%s: allocated %d MB", c.name, grew>>20)
		}
	}
	// A settings file that is a pipe is refused too, at once.
	config := os.Getenv("KNEAD_CONFIG_DIR")
	if err := syscall.Mkfifo(filepath.Join(config, "config.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	go func() { _, out, errOut := run(t, "", "config", "show"); done <- out + errOut }()
	select {
	case out := <-done:
		if !strings.Contains(out, "named pipe") {
			t.Errorf("config.yaml as a pipe: %q", out)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("config.yaml as a pipe hangs knead")
	}
}

// A folder path from the environment, with escape sequences and a forged
// line in it, reaches no message raw.
func TestFolderPathsInMessagesAreCleaned(t *testing.T) {
	isolate(t)
	evil := filepath.Join(t.TempDir(), "esc\x1b]52;c;SGVsbG8=\x07\x1b[2Jdir\nknead: forged")
	t.Setenv("KNEAD_CONFIG_DIR", evil)
	for _, args := range [][]string{{"config", "show"}, {"config", "path"}, {"screen", "--answers", "no\x1b[2Jsuch.yaml"}} {
		_, out, errOut := run(t, "", args...)
		if strings.ContainsAny(out+errOut, "\x1b\x07") || strings.Contains(out+errOut, "\nknead: forged") {
			t.Errorf("knead %s printed raw bytes:\n%q\n%q", strings.Join(args, " "), out, errOut)
		}
	}
}
