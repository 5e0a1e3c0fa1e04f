import { PublicHeader } from "@/components/ui/public-header";

export default function SupportLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PublicHeader />
      {children}
    </>
  );
}
