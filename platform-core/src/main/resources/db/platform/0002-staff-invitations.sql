--liquibase formatted sql

--changeset atelier:0002-staff-invitations
-- An account joins a chain's staff only by accepting an invitation while signed in; this is where the invitee finds
-- theirs (the chain keeps the invited membership in its own schema, member_id).
create table staff_invitation (
    id           uuid primary key,
    tenant_id    uuid        not null references tenant (id) on delete cascade,
    user_id      varchar(64) not null,
    member_id    uuid        not null,
    role         varchar(16) not null check (role in ('OWNER', 'MANAGER', 'RECEPTIONIST', 'STYLIST')),
    status       varchar(16) not null check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    answered_at  timestamptz,
    check (expires_at > created_at)
);
create unique index staff_invitation_one_pending on staff_invitation (tenant_id, user_id) where status = 'PENDING';
create index staff_invitation_user on staff_invitation (user_id, status);

-- The chains an account is active staff of, as the chains' own data says: the portal resolves a caller's chains from
-- here (and their token), so a membership of one chain never depends on what the identity server puts in a token.
create table staff_tenant (
    user_id    varchar(64) not null,
    tenant_id  uuid        not null references tenant (id) on delete cascade,
    since      timestamptz not null,
    primary key (user_id, tenant_id)
);
