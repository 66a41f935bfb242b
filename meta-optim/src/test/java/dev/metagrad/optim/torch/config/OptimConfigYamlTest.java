package dev.metagrad.optim.torch.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimConfigYamlTest {
    private static final String GRAPHGYM = """
            out_dir: results
            dataset:
              format: PyG
              name: Cora
            optim:
              optimizer: sgd
              base_lr: 0.1
              weight_decay: 5e-4
              momentum: 0.8
              scheduler: step
              steps:
                - 20
                - 40
              lr_decay: 0.5
              max_epoch: 60
            model:
              type: gnn
            """;

    @Test
    void readsEveryKeyOfTheOptimSectionAndIgnoresOtherSections() {
        OptimConfig c = OptimConfigYaml.parse(GRAPHGYM, "cora.yaml");
        assertThat(c.optimizer()).isEqualTo(new OptimizerConfig("sgd", 0.1, 5e-4, 0.8));
        assertThat(c.scheduler()).isEqualTo(new SchedulerConfig("step", List.of(20, 40), 0.5, 60));
    }

    @Test
    void missingKeysKeepGraphGymsDefaults() {
        OptimConfig c = OptimConfigYaml.parse("optim:\n  base_lr: 0.003\n  steps: [5]\n", "x.yaml");
        assertThat(c.optimizer()).isEqualTo(OptimizerConfig.defaults().withBaseLr(0.003));
        assertThat(c.scheduler()).isEqualTo(SchedulerConfig.defaults().withSteps(List.of(5)));
        assertThat(OptimConfigYaml.parse("", "empty.yaml")).isEqualTo(OptimConfig.defaults());
        assertThat(OptimConfigYaml.parse("# nothing\n", "c.yaml")).isEqualTo(OptimConfig.defaults());
        assertThat(OptimConfigYaml.parse("dataset:\n  name: Cora\n", "d.yaml")).isEqualTo(OptimConfig.defaults());
        assertThat(OptimConfigYaml.parse("optim:\n", "e.yaml")).isEqualTo(OptimConfig.defaults());
    }

    @ParameterizedTest(name = "scheduler: {0}")
    @CsvSource(quoteCharacter = '"', value = {"null,none", "~,none", "none,none", "cos,cos", "'step',step"})
    void aNullSchedulerIsNone(String yaml, String expected) {
        assertThat(OptimConfigYaml.parse("optim:\n  scheduler: " + yaml + "\n", "s.yaml").scheduler().scheduler())
                .isEqualTo(expected);
    }

    @Test
    void numbersMayBeIntegersOrQuoted() {
        OptimConfig c = OptimConfigYaml.parse("optim:\n  base_lr: 1\n  weight_decay: '1.5e-3'\n  momentum: .5\n  lr_decay: 1_0.0\n",
                "n.yaml");
        assertThat(c.optimizer().baseLr()).isEqualTo(1.0);
        assertThat(c.optimizer().weightDecay()).isEqualTo(1.5e-3);
        assertThat(c.optimizer().momentum()).isEqualTo(0.5);
        assertThat(c.scheduler().lrDecay()).isEqualTo(10.0);
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cfg.yaml");
        Files.writeString(file, GRAPHGYM);
        assertThat(OptimConfigYaml.load(file)).isEqualTo(OptimConfigYaml.parse(GRAPHGYM, "cora.yaml"));
        assertThatThrownBy(() -> OptimConfigYaml.load(dir.resolve("missing.yaml"))).isInstanceOf(IOException.class);
    }

    @Test
    void toYamlRoundTrips() {
        OptimConfig c = new OptimConfig(new OptimizerConfig("my opt: v2", 1e-4, 0, 0.95),
                new SchedulerConfig("null", List.of(1, 2, 300), 0.25, 7));
        String yaml = OptimConfigYaml.toYaml(c);
        assertThat(OptimConfigYaml.parse(yaml, "dump.yaml")).isEqualTo(c);
        assertThat(OptimConfigYaml.parse(OptimConfigYaml.toYaml(OptimConfig.defaults()), "d.yaml")).isEqualTo(OptimConfig.defaults());
        assertThat(OptimConfigYaml.toYaml(OptimConfig.defaults())).isEqualTo("""
                optim:
                  optimizer: adam
                  base_lr: 0.01
                  weight_decay: 5.0E-4
                  momentum: 0.9
                  scheduler: cos
                  steps: [30, 60, 90]
                  lr_decay: 0.1
                  max_epoch: 200
                """);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineAndTheValidKeys() {
        assertThatThrownBy(() -> OptimConfigYaml.parse("optim:\n  base_lr: 0.1\n  learning_rate: 0.2\n", "cfg.yaml"))
                .isInstanceOfSatisfying(ConfigFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.key()).isEqualTo("optim.learning_rate");
                })
                .hasMessage("cfg.yaml:3: optim.learning_rate: unknown key; valid keys are optimizer, base_lr, weight_decay, "
                        + "momentum, scheduler, steps, lr_decay, max_epoch");
    }

    @Test
    void aRepeatedKeyIsAnError() {
        assertThatThrownBy(() -> OptimConfigYaml.parse("optim:\n  base_lr: 0.1\n  momentum: 0\n  base_lr: 0.2\n", "cfg.yaml"))
                .isInstanceOf(ConfigFormatException.class)
                .hasMessage("cfg.yaml:4: optim.base_lr: given twice (first on line 2)");
        assertThatThrownBy(() -> OptimConfigYaml.parse("optim:\n  base_lr: 0.1\noptim:\n  base_lr: 0.2\n", "cfg.yaml"))
                .hasMessage("cfg.yaml:3: optim: given twice (first on line 1)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "optim:\\n  base_lr: fast\\n | cfg.yaml:2: optim.base_lr: expected a number, got 'fast'",
            "optim:\\n  momentum: ~\\n | cfg.yaml:2: optim.momentum: expected a number, got null",
            "optim:\\n  weight_decay: [1]\\n | cfg.yaml:2: optim.weight_decay: expected a number, got a list",
            "optim:\\n  max_epoch: 100.5\\n | cfg.yaml:2: optim.max_epoch: expected an integer, got '100.5'",
            "optim:\\n  max_epoch: 99999999999\\n | cfg.yaml:2: optim.max_epoch: integer 99999999999 is out of range",
            "optim:\\n  steps: [10,\\n    x]\\n | cfg.yaml:3: optim.steps[1]: expected an integer, got 'x'",
            "optim:\\n  steps: 30\\n | cfg.yaml:2: optim.steps: expected a list of epochs such as [30, 60, 90], got '30'",
            "optim:\\n  optimizer: ''\\n | cfg.yaml:2: optim.optimizer: expected a name, got an empty string",
            "optim:\\n  optimizer: {name: sgd}\\n | cfg.yaml:2: optim.optimizer: expected a name, got a mapping",
            "optim:\\n  scheduler: [cos]\\n | cfg.yaml:2: optim.scheduler: expected a name, got a list",
            "optim: [adam]\\n | cfg.yaml:1: optim: expected a mapping of optimizer and scheduler settings, got a list",
            "- optim\\n | cfg.yaml:1: the top level must be a mapping of sections such as optim:, got a list",
            "optim:\\n  [a]: 1\\n | cfg.yaml:2: optim: keys must be plain names, got a list",
    })
    void wrongValuesAreNamedWithTheirLine(String yaml, String message) {
        assertThatThrownBy(() -> OptimConfigYaml.parse(yaml.replace("\\n", "\n"), "cfg.yaml"))
                .isInstanceOf(ConfigFormatException.class).hasMessage(message);
    }

    @Test
    void badYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> OptimConfigYaml.parse("optim:\n  base_lr: 0.1\n   momentum: 0.9\n", "cfg.yaml"))
                .isInstanceOfSatisfying(ConfigFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageStartingWith("cfg.yaml:3: invalid YAML: ");
        assertThatThrownBy(() -> OptimConfigYaml.parse("a: 1\n---\nb: 2\n", "two.yaml"))
                .isInstanceOf(ConfigFormatException.class).hasMessageContaining("invalid YAML");
    }
}
