import type { ReactNode } from 'react';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  EnvironmentOutlined,
  SafetyOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../../app/i18n/index.tsx';
import type { OrgLevel, OrgType } from './org.types.ts';

export const orgTypeKey = (type: OrgType) => `org.type.${type}` as MessageKey;
export const orgLevelKey = (level: OrgLevel) => `org.level.${level}` as MessageKey;

const ICONS: Record<OrgType, ReactNode> = {
  government: <BankOutlined />,
  department: <ApartmentOutlined />,
  town_government: <EnvironmentOutlined />,
  street_office: <EnvironmentOutlined />,
  dev_zone: <ShopOutlined />,
  service_centre: <CustomerServiceOutlined />,
  command_centre: <AlertOutlined />,
  enforcement_team: <SafetyOutlined />,
  approval_bureau: <AuditOutlined />,
  other: <ClusterOutlined />,
};

export const orgTypeIcon = (type: OrgType): ReactNode => ICONS[type] ?? <TeamOutlined />;

export const ORG_TYPE_COLORS: Record<OrgType, string> = {
  government: 'red',
  department: 'blue',
  town_government: 'green',
  street_office: 'green',
  dev_zone: 'purple',
  service_centre: 'cyan',
  command_centre: 'volcano',
  enforcement_team: 'orange',
  approval_bureau: 'geekblue',
  other: 'default',
};
