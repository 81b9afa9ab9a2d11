package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestPrecedenceFileEnvironmentFlag(t *testing.T) {
	t.Parallel()
	path := write(t, "for: partner\npartner: Ann\nbell: false\nvoice: espeak-ng\ncheck_in: side\n")
	c, err := Load(path, env(map[string]string{"KNEAD_PARTNER": "Bea", "KNEAD_BELL": "true"}))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Override("partner", "Cy"); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		value  string
		source Source
	}{
		"for": {"partner", File}, "partner": {"Cy", Flag}, "bell": {"true", Environment},
		"voice": {"espeak-ng", File}, "accessible": {"false", Default}, "check_in": {"side", File},
	}
	got := map[string]string{"for": c.For, "partner": c.Partner, "bell": boolText(c.Bell), "voice": c.Voice, "accessible": boolText(c.Accessible), "check_in": c.CheckIn}
	for k, w := range want {
		if got[k] != w.value || c.Sources[k] != w.source {
			t.Errorf("%s = %q from %s, want %q from %s", k, got[k], c.Sources[k], w.value, w.source)
		}
	}
	if show := c.Show(); !strings.Contains(show, "partner:     Cy") || !strings.Contains(show, "(flag)") {
		t.Errorf("show:\n%s", show)
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func TestMissingFileGivesDefaults(t *testing.T) {
	t.Parallel()
	c, err := Load(filepath.Join(t.TempDir(), "none.yaml"), env(nil))
	if err != nil || !c.Bell || c.CheckIn != CheckInStep || c.For != "" || c.Sources["bell"] != Default {
		t.Fatalf("%+v %v", c, err)
	}
	if c.Sound != SoundTones || c.TempoTicks {
		t.Fatalf("sound defaults: %+v", c)
	}
	if c, err := Load(write(t, "sound: bell\ntempo_ticks: yes\n"), env(map[string]string{"KNEAD_SOUND": "off"})); err != nil || c.Sound != SoundOff || !c.TempoTicks || c.Sources["sound"] != Environment {
		t.Fatalf("sound from the file and the environment: %+v %v", c, err)
	}
	if c, err := Load(write(t, "# only comments\n"), env(nil)); err != nil || !c.Bell {
		t.Fatalf("comments only: %+v %v", c, err)
	}
}

func TestConfigErrors(t *testing.T) {
	t.Parallel()
	cases := map[string]struct{ content, want string }{
		"unknown key":    {"bell: true\ncolour: red\n", ":2: unknown key \"colour\"; valid keys: for, partner, bell, sound, tempo_ticks, voice, accessible, check_in"},
		"bad for":        {"for: dog\n", ":1: for \"dog\" is not one of: self, partner"},
		"bad bell":       {"voice: say\nbell: loud\n", ":2: bell \"loud\" is not one of: true, false"},
		"bad accessible": {"accessible: 3\n", ":1: accessible \"3\" is not one of: true, false"},
		"bad check_in":   {"check_in: never\n", ":1: check_in \"never\" is not one of: step (after every step), side (when a side is done)"},
		"not a mapping":  {"- a\n- b\n", ":1: the settings must be a mapping"},
		"bad sound":      {"sound: loud\n", ":1: sound \"loud\" is not one of: tones (the system's sound player, or the bell without one), bell, off"},
		"bad ticks":      {"tempo_ticks: often\n", ":1: tempo_ticks \"often\" is not one of: true, false"},
		"list value":     {"voice: [a, b]\n", ":1: voice must be a single value"},
		"not yaml":       {"for: [self\n", "not valid YAML"},
		"long name":      {"partner: " + strings.Repeat("a", 70) + "\n", ":1: partner \"aaaaaaaaaaaaaaaaaaa…\" is 70 characters long; a name has at most 64"},
	}
	for name, tc := range cases {
		path := write(t, tc.content)
		_, err := Load(path, env(nil))
		var ce *Error
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), path) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "x"), env(map[string]string{"KNEAD_CHECK_IN": "sometimes"})); err == nil || !strings.Contains(err.Error(), "KNEAD_CHECK_IN: check_in \"sometimes\"") {
		t.Errorf("bad environment: %v", err)
	}
}
