package dev.atelier.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaNameTest {

    @Test
    void isMadeFromTheTenantIdOnly() {
        TenantId id = TenantId.of("0b4f5e0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b");
        assertThat(SchemaName.forTenant(id).value()).isEqualTo("t_0b4f5e0a1c2d4e3f8a9b0c1d2e3f4a5b");
        assertThat(SchemaName.forTenant(id).quoted()).isEqualTo("\"t_0b4f5e0a1c2d4e3f8a9b0c1d2e3f4a5b\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "platform", "t_x\"; drop schema platform cascade; --", "t_0b4f",
            "T_0B4F5E0A1C2D4E3F8A9B0C1D2E3F4A5B"})
    void refusesAnythingThatIsNotATenantSchemaName(String value) {
        assertThatThrownBy(() -> new SchemaName(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
