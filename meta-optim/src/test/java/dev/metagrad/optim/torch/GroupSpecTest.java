package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Linear;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupSpecTest {
    @Test
    void plainGroupsCopyTheirParameterList() {
        Tensor a = Tensor.of(1.0);
        List<Tensor> list = new ArrayList<>(List.of(a));
        GroupSpec g = GroupSpec.of(list, Options.of("lr", 0.1));
        list.add(Tensor.of(2.0));
        assertThat(g.params()).containsExactly(a);
        assertThat(g.module()).isNull();
        assertThat(GroupSpec.of(list).overrides()).isEqualTo(Options.empty());
        assertThat(new GroupSpec(list, Options.empty())).isEqualTo(GroupSpec.of(list));
    }

    @Test
    void moduleGroupsHoldTheModulesParameters() {
        Linear lin = new Linear(2, 3, new Generator(0));
        GroupSpec g = GroupSpec.of(lin, Options.of("lr", 0.5));
        assertThat(g.params()).containsExactlyElementsOf(lin.parameters());
        assertThat(g.module()).isSameAs(lin);
        assertThatThrownBy(() -> new GroupSpec(List.of(Tensor.of(1.0)), Options.empty(), lin))
                .hasMessageContaining("params must be exactly module.parameters()");
    }

    @Test
    void paramsIsNotAnOption() {
        assertThatThrownBy(() -> GroupSpec.of(List.of(Tensor.of(1.0)), Options.of("params", 1)))
                .hasMessageContaining("\"params\" is not an option");
        assertThatThrownBy(() -> GroupSpec.of(java.util.Arrays.asList((Tensor) null))).isInstanceOf(NullPointerException.class);
    }
}
