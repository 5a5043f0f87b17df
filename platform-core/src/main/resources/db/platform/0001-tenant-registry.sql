--liquibase formatted sql

--changeset atelier:0001-tenant-registry
create table tenant (
    id          uuid primary key,
    slug        varchar(40)  not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$'),
    name        varchar(200) not null,
    status      varchar(16)  not null check (status in ('TRIAL', 'ACTIVE', 'SUSPENDED', 'CLOSED')),
    plan        varchar(40)  not null,
    locale      varchar(35)  not null,
    currency    char(3)      not null,
    timezone    varchar(64)  not null,
    country     char(2)      not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

create table tenant_placement (
    tenant_id        uuid primary key references tenant (id) on delete cascade,
    cell             varchar(63)  not null,
    schema_name      varchar(63)  not null check (schema_name ~ '^t_[0-9a-f]{32}$'),
    realm            varchar(100) not null,
    organization_id  varchar(100),
    unique (cell, schema_name)
);
create index tenant_placement_cell on tenant_placement (cell);

create table tenant_domain (
    domain              varchar(253) primary key check (domain = lower(domain)),
    tenant_id           uuid         not null references tenant (id) on delete cascade,
    verified            boolean      not null default false,
    verification_token  varchar(64)  not null,
    created_at          timestamptz  not null,
    verified_at         timestamptz
);
create index tenant_domain_tenant on tenant_domain (tenant_id);

create table tenant_migration (
    tenant_id       uuid primary key references tenant (id) on delete cascade,
    schema_version  varchar(100),
    status          varchar(16) not null check (status in ('CURRENT', 'RUNNING', 'FAILED')),
    last_error      text,
    attempts        integer     not null default 0,
    updated_at      timestamptz not null
);
create index tenant_migration_status on tenant_migration (status);
